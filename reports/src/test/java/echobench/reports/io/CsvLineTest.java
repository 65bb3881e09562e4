package echobench.reports.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {
  @Test
  void quotesOnlyWhereNeededAndSplitsBack() {
    List<String> fields = List.of("plain", "a,b", "say \"hi\"", "", "jepa/attentive");
    String line = CsvLine.join(fields);
    assertThat(line).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",,jepa/attentive");
    assertThat(CsvLine.split(line)).isEqualTo(fields);
    assertThat(CsvLine.split("a,,")).containsExactly("a", "", "");
  }

  @Test
  void rejectsBrokenQuotesAndLineBreaks() {
    assertThatThrownBy(() -> CsvLine.split("\"open,b")).hasMessage("unterminated quoted field");
    assertThatThrownBy(() -> CsvLine.split("\"a\"b,c"))
        .hasMessage("unexpected text after a closing quote at column 4");
    assertThatThrownBy(() -> CsvLine.join(List.of("two\nlines")))
        .hasMessageContaining("line break");
  }
}
