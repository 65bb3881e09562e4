package echobench.reports.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

  @Test
  void readsQuotedFieldsEscapedQuotesAndLineBreaks(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"),
        "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",\n3,,z");
    CsvFile csv = CsvFile.read(file);
    assertThat(csv.header()).containsExactly("a", "b", "c");
    assertThat(csv.rows()).hasSize(3);
    assertThat(csv.rows().get(0).get("b")).isEqualTo("x, y");
    assertThat(csv.rows().get(0).get("c")).isEqualTo("say \"hi\"");
    assertThat(csv.rows().get(1).get("b")).isEqualTo("two\nlines");
    assertThat(csv.rows().get(1).get("c")).isEmpty();
    // Line numbers count the blank line and the line break inside the quoted field.
    assertThat(csv.rows().get(0).line()).isEqualTo(2);
    assertThat(csv.rows().get(1).line()).isEqualTo(4);
    assertThat(csv.rows().get(2).line()).isEqualTo(6);
  }

  @Test
  void writtenLinesReadBack(@TempDir Path dir) throws IOException {
    List<String> fields = List.of("plain", "with,comma", "with \"quote\"", "");
    Path file = Files.writeString(dir.resolve("t.csv"),
        CsvLine.join(List.of("a", "b", "c", "d")) + "\n" + CsvLine.join(fields) + "\n");
    CsvFile.Row row = CsvFile.read(file).rows().get(0);
    assertThat(List.of(row.get("a"), row.get("b"), row.get("c"), row.get("d")))
        .isEqualTo(fields);
  }

  @Test
  void wrongWidthNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n3\n");
    assertThatThrownBy(() -> CsvFile.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":3: expected 2 fields, found 1");
  }

  @Test
  void rowErrorsNameFileAndLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"), "EF\n55.5\nabc\n");
    assertThat(CsvFile.read(file).rows().get(1).error("EF \"abc\" is not a number"))
        .hasMessage(file + ":3: EF \"abc\" is not a number");
  }

  @Test
  void unterminatedQuoteEmptyAndMissingFilesAreBadInput(@TempDir Path dir) throws IOException {
    Path open = Files.writeString(dir.resolve("open.csv"), "a,b\n1,\"2\n");
    assertThatThrownBy(() -> CsvFile.read(open)).hasMessage(open + ":2: unterminated quoted field");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    assertThatThrownBy(() -> CsvFile.read(empty)).hasMessageContaining("empty");
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> CsvFile.read(missing)).hasMessage(missing + ": no such file");
  }
}
