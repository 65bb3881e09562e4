package echobench.reports.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLineTest {
  @TempDir Path dir;

  @Test
  void quotesOnlyWhereNeededAndTheParserReadsItBack() throws IOException {
    List<String> fields = List.of("plain", "a,b", "say \"hi\"", "", "jepa/attentive");
    String line = CsvLine.join(fields);
    assertThat(line).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",,jepa/attentive");
    Path file = Files.writeString(dir.resolve("t.csv"), line + "\n" + CsvLine.join(
        List.of("a", "", "")) + "\n");
    assertThat(CsvRecords.readAll(file)).extracting(CsvRecords.Record::fields)
        .containsExactly(fields, List.of("a", "", ""));
  }

  @Test
  void refusesALineBreakInAField() {
    assertThatThrownBy(() -> CsvLine.join(List.of("two\nlines")))
        .hasMessageContaining("line break");
  }
}
