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

/**
 * A condition scoped to one view of a multi-view sample is written to results.csv and
 * predictions.csv as {@code perturbation[VIEW]} in the perturbation column, beside its severity,
 * and read back as the same condition; an unscoped condition's row is unchanged.
 */
class ScopedConditionTablesTest {
  private static final Condition BOTH = new Condition("depth-exp", 3);
  private static final Condition A4C = BOTH.onView("A4C");
  private static final Condition A2C = BOTH.onView("A2C");

  @TempDir Path dir;

  @Test
  void scopedConditionsRoundTripThroughResultsCsv() throws IOException {
    List<Result> rows = List.of(
        Result.of("m/linear", "adult", "biplane-lvef", Condition.CLEAN, Metric.MAE, 4.5),
        Result.of("m/linear", "adult", "biplane-lvef", BOTH, Metric.MAE, 7.25),
        Result.of("m/linear", "adult", "biplane-lvef", A4C, Metric.MAE, 6.0),
        Result.of("m/linear", "adult", "biplane-lvef", A2C, Metric.MAE, 5.5));
    Path file = dir.resolve("results.csv");
    ResultsTable.write(ResultsTable.toTable(rows), file);

    assertThat(Files.readAllLines(file)).containsSubsequence(
        "m/linear,adult,biplane-lvef,depth-exp,3,mae,7.25,,,",
        "m/linear,adult,biplane-lvef,depth-exp[A4C],3,mae,6,,,",
        "m/linear,adult,biplane-lvef,depth-exp[A2C],3,mae,5.5,,,");
    assertThat(ResultsTable.rows(ResultsTable.read(file))).containsExactlyElementsOf(rows);
  }

  @Test
  void scopedConditionsRoundTripThroughPredictionsCsv() throws IOException {
    List<Prediction> rows = List.of(
        new Prediction("m/linear", "adult", Condition.CLEAN, "PT00001", 55.0, 52.5),
        new Prediction("m/linear", "adult", A2C, "PT00001", 55.0, 49.75));
    Path file = dir.resolve("predictions.csv");
    PredictionsTable.write(PredictionsTable.toTable(rows), file);

    assertThat(Files.readAllLines(file))
        .contains("m/linear,adult,depth-exp[A2C],3,PT00001,55,49.75,");
    List<Prediction> read = PredictionsTable.rows(PredictionsTable.read(file));
    assertThat(read).extracting(Prediction::condition).containsExactly(Condition.CLEAN, A2C);
    assertThat(read).extracting(Prediction::prediction).containsExactly(52.5, 49.75);
  }

  @Test
  void aMalformedViewSuffixIsNamedWithFileAndLine() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.csv"),
        "model,dataset,task,perturbation,severity,metric,value,ci_low,ci_high,n\n"
            + "m,adult,biplane-lvef,none,0,mae,4,,,\n"
            + "m,adult,biplane-lvef,depth-exp[A4C,3,mae,4,,,\n");
    assertThatThrownBy(() -> ResultsTable.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(file + ":3")
        .hasMessageContaining("depth-exp[A4C");
  }
}
