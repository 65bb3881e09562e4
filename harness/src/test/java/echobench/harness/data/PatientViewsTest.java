package echobench.harness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An EchoNet-Dynamic style file list of several views per patient, grouped by patient. */
class PatientViewsTest {
  private static final String HEADER = "FileName,EF,ESV,EDV,FrameHeight,FrameWidth,FPS,"
      + "NumberOfFrames,Split,View,HeartRate,Patient,EFSinglePlane\n";
  private static final List<EchoView> BIPLANE = List.of(EchoView.A4C, EchoView.A2C);

  private static Path write(Path dir, String rows) throws IOException {
    Files.writeString(dir.resolve("FileList.csv"), HEADER + rows);
    return dir;
  }

  private static List<Sample> grouped(Path dir) {
    return PatientViews.group(EchoNetDynamicDataset.load(dir).samples(), BIPLANE,
        dir.resolve("FileList.csv"));
  }

  @Test
  void groupsEachPatientsViewsInViewOrder(@TempDir Path dir) throws IOException {
    write(dir, """
        0XA2C1,48.5,60,116.5,112,112,50,64,TRAIN,A2C,71.0,PT00001,44.1
        0XA4C1,48.5,60,116.5,112,112,50,64,TRAIN,A4C,71.0,PT00001,52.3
        0XA4C2,61.0,40,102.6,112,112,50,64,TEST,A4C,64.5,PT00002,60.2
        0XPLAX2,61.0,40,102.6,112,112,50,64,TEST,PLAX,64.5,PT00002,60.2
        0XA2C2,61.0,40,102.6,112,112,50,64,TEST,A2C,64.5,PT00002,61.9
        """);
    List<Sample> samples = grouped(dir);
    assertThat(samples).extracting(Sample::id).containsExactly("PT00001", "PT00002");
    Sample first = samples.get(0);
    Path videos = dir.toAbsolutePath().resolve("Videos");
    assertThat(first.videos())
        .containsExactly(videos.resolve("0XA4C1.avi"), videos.resolve("0XA2C1.avi"));
    assertThat(first.videoIds()).containsExactly("0XA4C1", "0XA2C1");
    assertThat(first.ef()).isEqualTo(48.5f);
    assertThat(first.split()).isEqualTo(Split.TRAIN);
    assertThat(first.view()).isNull();
    assertThat(first.isMultiView()).isTrue();
    assertThat(first.patient()).contains("PT00001");
    // Shared facts are kept, per-view ones (View, the single-plane EF) are not.
    assertThat(first.metadata()).containsEntry("HeartRate", "71.0").containsEntry("ESV", "60")
        .doesNotContainKeys("View", "EFSinglePlane");
    assertThat(samples.get(1).videoIds()).containsExactly("0XA4C2", "0XA2C2");
    assertThat(samples.get(1).split()).isEqualTo(Split.TEST);
  }

  @Test
  void aPatientColumnBecomesThePatientId(@TempDir Path dir) throws IOException {
    write(dir, "0XA4C1,48.5,60,116.5,112,112,50,64,TRAIN,A4C,71.0,PT00001,52.3\n");
    Sample sample = EchoNetDynamicDataset.load(dir).samples().get(0);
    assertThat(sample.patient()).contains("PT00001");
    assertThat(sample.videoIds()).containsExactly("0XA4C1");
    assertThat(sample.metadata()).doesNotContainKey("Patient");
  }

  @Test
  void inconsistentPatientsAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path list = dir.resolve("FileList.csv");
    String[][] cases = {
        {"0XA,50,1,2,112,112,50,64,TRAIN,A4C,70,P1,50\n",
            ": patient P1 has no A2C video (each patient needs [A4C, A2C])"},
        {"0XA,50,1,2,112,112,50,64,TRAIN,A4C,70,P1,50\n0XB,50,1,2,112,112,50,64,TRAIN,A4C,70,P1,50\n",
            ": patient P1 has two A4C videos, 0XA and 0XB"},
        {"0XA,50,1,2,112,112,50,64,TRAIN,A4C,70,P1,50\n0XB,51,1,2,112,112,50,64,TRAIN,A2C,70,P1,50\n",
            ": patient P1 has EF 50.0 on 0XA but 51.0 on 0XB"},
        {"0XA,50,1,2,112,112,50,64,TRAIN,A4C,70,P1,50\n0XB,50,1,2,112,112,50,64,VAL,A2C,70,P1,50\n",
            ": patient P1 is in TRAIN on 0XA but in VAL on 0XB"},
        {"0XA,50,1,2,112,112,50,64,TRAIN,A4C,70,,50\n",
            ": sample 0XA has no patient id"},
    };
    for (String[] c : cases) {
      write(dir, c[0]);
      assertThatThrownBy(() -> grouped(dir))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(list + c[1]);
    }
  }

  @Test
  void listRowsCarryOnePathPerViewEachWithItsOwnVideoId(@TempDir Path root) throws IOException {
    Path list = Files.writeString(root.resolve("test.csv"), """
        p1/a4c.avi p1/a2c.avi 55.2
        p2/a4c.avi p2/a2c.avi 38
        """);
    List<Sample> samples =
        ListCsvDataset.load(list, root, ListCsvDataset.Label.EF, Split.TEST, BIPLANE).samples();
    assertThat(samples).extracting(Sample::id).containsExactly("p1/a4c", "p2/a4c");
    assertThat(samples.get(0).videoIds()).containsExactly("p1/a4c", "p1/a2c");
    assertThat(samples.get(1).videos()).containsExactly(
        root.toAbsolutePath().resolve("p2/a4c.avi"), root.toAbsolutePath().resolve("p2/a2c.avi"));
    assertThat(samples.get(1).ef()).isEqualTo(38f);

    Path short_ = Files.writeString(root.resolve("short.csv"), "p1/a4c.avi p1/a2c.avi 55\n"
        + "p2/a4c.avi 38\n");
    assertThatThrownBy(() -> ListCsvDataset.load(short_, root, ListCsvDataset.Label.EF,
        Split.TEST, BIPLANE))
        .isInstanceOf(InputException.class)
        .hasMessage(short_ + ":2: expected 2 paths (one per view: [A4C, A2C]) and the label, "
            + "found 1 paths");
  }
}
