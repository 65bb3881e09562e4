package echobench.harness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EchoNetDynamicDatasetTest {
  private static final String HEADER =
      "FileName,EF,ESV,EDV,FrameHeight,FrameWidth,FPS,NumberOfFrames,Split\n";

  private static Path write(Path dir, String rows) throws IOException {
    Files.writeString(dir.resolve("FileList.csv"), HEADER + rows);
    return dir;
  }

  @Test
  void listsSamplesWithVideosLabelsAndSplits(@TempDir Path dir) throws IOException {
    write(dir, """
        0X1A05DFFFCAFB0E4F,78.49,14.88,69.21,112,112,50,174,TRAIN
        0X1A0A263B22CCD966.avi,50.0,40,80,112,112,50,100,val
        0X1A2A76BDB5B98BED,20.5,100,125.8,112,112,49.5,211,TEST
        """);
    EchoNetDynamicDataset dataset = EchoNetDynamicDataset.load(dir);
    assertThat(dataset.samples()).hasSize(3);
    Sample first = dataset.samples().get(0);
    assertThat(first.id()).isEqualTo("0X1A05DFFFCAFB0E4F");
    assertThat(first.video()).isEqualTo(
        dir.toAbsolutePath().resolve("Videos").resolve("0X1A05DFFFCAFB0E4F.avi"));
    assertThat(first.ef()).isEqualTo(78.49f);
    assertThat(first.view()).isEqualTo(EchoView.A4C.classIndex());
    assertThat(first.metadata()).containsEntry("ESV", "14.88").containsEntry("FPS", "50")
        .doesNotContainKey("EF").doesNotContainKey("Split");
    assertThat(dataset.samples().get(1).id()).isEqualTo("0X1A0A263B22CCD966");
    assertThat(dataset.samples().get(1).video().getFileName().toString())
        .isEqualTo("0X1A0A263B22CCD966.avi");
    assertThat(dataset.samples(Split.TRAIN)).extracting(Sample::id)
        .containsExactly("0X1A05DFFFCAFB0E4F");
    assertThat(dataset.samples(Split.VAL)).hasSize(1);
    assertThat(dataset.samples(Split.TEST)).hasSize(1);
  }

  @Test
  void viewColumnSetsTheView(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("FileList.csv"),
        "FileName,EF,Split,View\na,60,TRAIN,PLAX\nb,60,TRAIN,PSAX\n");
    assertThat(EchoNetDynamicDataset.load(dir).samples()).extracting(Sample::view)
        .containsExactly(EchoView.PLAX.classIndex(), EchoView.PSAX.classIndex());
  }

  @Test
  void malformedRowsNameFileAndLine(@TempDir Path dir) throws IOException {
    Path list = dir.resolve("FileList.csv");
    String good = "a,60,30,75,112,112,50,100,TRAIN\n";
    String[][] cases = {
        {"b,60,30,75,112,112,50,TRAIN\n", ":3: expected 9 fields, found 8"},
        {"b,sixty,30,75,112,112,50,100,TRAIN\n", ":3: EF \"sixty\" is not a number"},
        {"b,101,30,75,112,112,50,100,TRAIN\n", ":3: EF 101 is outside 0..100"},
        {"b,-1,30,75,112,112,50,100,TRAIN\n", ":3: EF -1 is outside 0..100"},
        {"b,60,30,75,112,112,50,100,TEST2\n", ":3: Split \"TEST2\" is not TRAIN, VAL or TEST"},
        {"a,60,30,75,112,112,50,100,TRAIN\n", ":3: FileName a is already listed on line 2"},
        {"../../x,60,30,75,112,112,50,100,TRAIN\n", ":3: FileName \"../../x\" escapes"},
    };
    for (String[] c : cases) {
      write(dir, good + c[0]);
      assertThatThrownBy(() -> EchoNetDynamicDataset.load(dir))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(list + c[1]);
    }
  }

  @Test
  void missingFileListOrColumnIsBadInput(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> EchoNetDynamicDataset.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.resolve("FileList.csv") + ": no such file");
    Files.writeString(dir.resolve("FileList.csv"), "FileName,ESV\na,3\n");
    assertThatThrownBy(() -> EchoNetDynamicDataset.load(dir))
        .hasMessageContaining("FileList.csv:1: missing columns EF, Split");
  }
}
