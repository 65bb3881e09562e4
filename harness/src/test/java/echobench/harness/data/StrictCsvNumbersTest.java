package echobench.harness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers in list files are plain decimals; a column named twice is an error. */
class StrictCsvNumbersTest {
  @TempDir Path dir;

  private Path fileList(String text) throws IOException {
    Files.writeString(dir.resolve("FileList.csv"), text);
    return dir.resolve("FileList.csv");
  }

  @Test
  void efAcceptsPlainDecimalAndScientificNotation() throws IOException {
    fileList("FileName,EF,Split\na,55.5,TRAIN\nb,5.5e1,TRAIN\nc,+60,TRAIN\n");
    assertThat(EchoNetDynamicDataset.load(dir).samples()).extracting(Sample::ef)
        .containsExactly(55.5f, 55f, 60f);
  }

  @Test
  void efInJavaOrHexNotationIsRefused() throws IOException {
    for (String ef : new String[] {"0x1p5", "55.5f", "55.5d", "NaN", "Infinity", "1_000", "٥٥"}) {
      Path list = fileList("FileName,EF,Split\na," + ef + ",TRAIN\n");
      assertThatThrownBy(() -> EchoNetDynamicDataset.load(dir))
          .as(ef)
          .isInstanceOf(InputException.class)
          .hasMessage(list + ":2: EF \"" + ef + "\" is not a number");
    }
  }

  @Test
  void aColumnNamedTwiceIsRefused() throws IOException {
    Path list = fileList("FileName,EF,Split,View,View\na,60,TRAIN,A4C,PLAX\n");
    assertThatThrownBy(() -> EchoNetDynamicDataset.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(list + ":1: column View appears twice in the header");
  }

  @Test
  void classIndicesAreAsciiDigits() {
    assertThat(Labels.classIndex("3", InputException::new)).isEqualTo(3);
    for (String label : new String[] {"٣", "3.0", "-1", "+3", "99999999999"}) {
      assertThatThrownBy(() -> Labels.classIndex(label, InputException::new))
          .as(label)
          .hasMessage("label \"" + label + "\" is not a class index (an integer 0 or more)");
    }
  }
}
