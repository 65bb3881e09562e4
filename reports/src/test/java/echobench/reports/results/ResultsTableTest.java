package echobench.reports.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.Condition;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class ResultsTableTest {
  private static final String HEADER =
      "model,dataset,task,perturbation,severity,metric,value,ci_low,ci_high,n\n";

  @TempDir Path dir;

  @Test
  void writesTypedColumnsAndReadsThemBackExactlyAndByteIdentically() throws IOException {
    List<Result> rows = List.of(
        new Result("jepa-echo-tiny/attentive", "adult", "lvef", Condition.CLEAN, Metric.MAE,
            4.87, 4.6, 5.1, 100),
        new Result("jepa-echo-tiny/attentive", "adult", "lvef", new Condition("depth-exp", 2),
            Metric.MAE, 16.0 / 3, Double.NaN, Double.NaN, 100),
        Result.of("a,b \"quoted\"", "adult", "lvef", Condition.CLEAN, Metric.R2, 1e-7));
    Path first = dir.resolve("first.csv");
    Path second = dir.resolve("second.csv");
    ResultsTable.write(ResultsTable.toTable(rows), first);
    Table read = ResultsTable.read(first);
    ResultsTable.write(read, second);

    assertThat(ResultsTable.rows(read)).containsExactlyElementsOf(rows); // NaN equals NaN
    assertThat(read.column(ResultsTable.SEVERITY).type()).isEqualTo(ColumnType.INTEGER);
    assertThat(read.column(ResultsTable.VALUE).type()).isEqualTo(ColumnType.DOUBLE);
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    assertThat(Files.readString(first)).isEqualTo(HEADER
        + "jepa-echo-tiny/attentive,adult,lvef,none,0,mae,4.87,4.6,5.1,100\n"
        + "jepa-echo-tiny/attentive,adult,lvef,depth-exp,2,mae,5.333333333333333,,,100\n"
        + "\"a,b \"\"quoted\"\"\",adult,lvef,none,0,r2,0.0000001,,,\n");
  }

  @Test
  void aMalformedRowIsReportedWithFileAndLine() throws IOException {
    Path file = write(HEADER
        + "m,adult,lvef,none,0,mae,4.2,,,10\n"
        + "m,adult,lvef,depth-exp,one,mae,4.5,,,10\n");
    assertThatThrownBy(() -> ResultsTable.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":3: severity \"one\" is not an integer");
  }

  @Test
  void rowProblemsNameTheirLine() throws IOException {
    String clean = "m,adult,lvef,none,0,mae,4.2,,,10\n";
    assertThatThrownBy(
            () -> ResultsTable.read(write(HEADER + clean + "m,adult,lvef,none,2,mae,5,,,10\n")))
        .hasMessageEndingWith(":3: perturbation 'none' has severity 0, not 2");
    assertThatThrownBy(() -> ResultsTable.read(write(HEADER + "m,adult,lvef,none,0,mse,4,,,10\n")))
        .hasMessageContaining(":2: unknown metric 'mse'");
    assertThatThrownBy(() -> ResultsTable.read(write(HEADER + clean + clean)))
        .hasMessageEndingWith(":3: duplicate of line 2 (same model, dataset, task, perturbation,"
            + " severity, metric)");
    assertThatThrownBy(() -> ResultsTable.read(write(HEADER + "m,adult,lvef,none,0,mae,4,3,,10\n")))
        .hasMessageEndingWith(":2: ci_low and ci_high must both be given or both be empty");
    assertThatThrownBy(() -> ResultsTable.read(write(HEADER + "m,adult,lvef,none,0,mae,4\n")))
        .hasMessageEndingWith(":2: expected 10 fields but found 7");
    assertThatThrownBy(() -> ResultsTable.read(write(HEADER + ",adult,lvef,none,0,mae,4,,,\n")))
        .hasMessageEndingWith(":2: model is empty");
    assertThatThrownBy(() -> ResultsTable.read(write(HEADER + "m,adult,lvef,none,0,mae,NaN,,,\n")))
        .hasMessageEndingWith(":2: value \"NaN\" is not a number");
  }

  @Test
  void theHeaderAndAMissingCleanRowAreChecked() throws IOException {
    Path badHeader = write("model,dataset\nm,adult\n");
    assertThatThrownBy(() -> ResultsTable.read(badHeader))
        .hasMessageStartingWith(badHeader + ":1: the header must be model,dataset,task,");
    Path noClean = write(HEADER + "m,adult,lvef,depth-exp,1,mae,4.2,,,\n");
    assertThatThrownBy(() -> ResultsTable.read(noClean))
        .hasMessage(noClean + ": no clean row (perturbation none, severity 0) for m, adult, lvef,"
            + " mae");
    Path missing = dir.resolve("absent.csv");
    assertThatThrownBy(() -> ResultsTable.read(missing)).hasMessage(missing + ": no such file");
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "results", ".csv");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aTableWithAHeaderAndNoRowsIsRefusedNamingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("results.csv"),
        String.join(",", ResultsTable.SCHEMA.header()) + "\n");

    assertThatThrownBy(() -> ResultsTable.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": the results table has no rows");
  }
}
