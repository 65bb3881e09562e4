package echobench.reports.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.results.ResultsTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one CSV parser: RFC 4180 records with their lines, strict about quotes and encoding. */
class CsvRecordsTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndEachRecordKnowsItsLine() throws IOException {
    Path file = write("t.csv",
        "\uFEFFid,note\r\n\r\na,\"x, \"\"y\"\"\"\r\n   \nb,\"two\nlines\"\nc,\n");
    assertThat(CsvRecords.readAll(file)).containsExactly(
        new CsvRecords.Record(1, List.of("id", "note")),
        new CsvRecords.Record(3, List.of("a", "x, \"y\"")),
        new CsvRecords.Record(5, List.of("b", "two\nlines")),
        new CsvRecords.Record(7, List.of("c", "")));
  }

  @Test
  void brokenQuotesAndNonUtf8AreErrorsNamingTheFileAndLine() throws IOException {
    Path open = write("open.csv", "id,note\na,\"never closed\nb,c\n");
    assertThatThrownBy(() -> CsvRecords.readAll(open)).isInstanceOf(InputException.class)
        .hasMessage(open + ":2: unterminated quoted field");
    Path after = write("after.csv", "id,note\n\"a\"b,c\n");
    assertThatThrownBy(() -> CsvRecords.readAll(after)).isInstanceOf(InputException.class)
        .hasMessage(after + ":2: unexpected text after a closing quote");
    Path latin1 = Files.write(dir.resolve("latin1.csv"),
        "id,note\na,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> CsvRecords.readAll(latin1)).isInstanceOf(InputException.class)
        .hasMessage(latin1 + ": not UTF-8 text");
    Path missing = dir.resolve("absent.csv");
    assertThatThrownBy(() -> CsvRecords.readAll(missing)).hasMessage(missing + ": no such file");
  }

  @Test
  void aResultsTableRefusesJavaAndHexNumbers() throws IOException {
    String header = String.join(",", ResultsTable.SCHEMA.header()) + "\n";
    Path good = write("results.csv", header + "m,adult,lvef,none,0,mae,4.5,,,10\n");
    assertThat(ResultsTable.read(good).rowCount()).isEqualTo(1);
    for (String value : new String[] {"0x1p5", "55.5f", "55.5d", "Infinity", "1_000"}) {
      Path file = write("results.csv", header + "m,adult,lvef,none,0,mae," + value + ",,,10\n");
      assertThatThrownBy(() -> ResultsTable.read(file)).as(value)
          .isInstanceOf(InputException.class)
          .hasMessage(file + ":2: value \"" + value + "\" is not a number");
    }
  }

  @Test
  void aFileListWithAHeaderIsReadByColumnName() throws IOException {
    Path file = write("FileList.csv", "FileName, EF ,Split\n0X1,55.5,TRAIN\n");
    CsvFile csv = CsvFile.read(file);
    assertThat(csv.rows()).hasSize(1);
    assertThat(csv.rows().get(0).get("EF")).isEqualTo("55.5");
    assertThat(csv.rows().get(0).line()).isEqualTo(2);
    Path wide = write("wide.csv", "FileName,EF\n0X1,55.5,TRAIN\n");
    assertThatThrownBy(() -> CsvFile.read(wide)).isInstanceOf(InputException.class)
        .hasMessage(wide + ":2: expected 2 fields, found 3");
  }
}
