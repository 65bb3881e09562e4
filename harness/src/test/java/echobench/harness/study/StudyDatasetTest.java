package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.Sample;
import echobench.harness.task.BiplaneLvefTask;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset without samples is refused naming the file that lists them; for a multi-view task the
 * videos of a file list with a Patient column are grouped per patient in the task's view order, and
 * a patient missing a view is refused in one line naming the file.
 */
class StudyDatasetTest {
  @TempDir Path dir;

  @Test
  void anEmptyFileListIsNamed() throws IOException {
    Path list = Files.writeString(Files.createDirectories(dir.resolve("adult"))
        .resolve("FileList.csv"), "FileName,EF,Split\n");
    DatasetSpec config = new EchoNetDynamicSpec("adult", null);

    assertThatThrownBy(() -> StudyDataset.load("adult", config, dir,
        new SyntheticCohorts(dir, new StudyProgress(false)),
        new echobench.harness.task.LvefTask()))
        .isInstanceOf(InputException.class)
        .hasMessage(list + ": dataset adult has no samples");
  }

  @Test
  void aViewWithoutSamplesIsNamed() throws IOException {
    Path list = Files.writeString(Files.createDirectories(dir.resolve("views"))
        .resolve("FileList.csv"), "FileName,EF,Split,View\na,60,TRAIN,A4C\n");
    DatasetSpec config = new EchoNetDynamicSpec("views", "PLAX");

    assertThatThrownBy(() -> StudyDataset.load("adult", config, dir,
        new SyntheticCohorts(dir, new StudyProgress(false)),
        new echobench.harness.task.LvefTask()))
        .isInstanceOf(InputException.class)
        .hasMessage(list + ": dataset adult has no samples of view PLAX");
  }

  private static final String BIPLANE_LIST = """
      FileName,EF,Split,View,Patient
      p1-a4c,55.5,TRAIN,A4C,P1
      p1-plax,55.5,TRAIN,PLAX,P1
      p1-a2c,55.5,TRAIN,A2C,P1
      p2-a2c,38.25,TEST,A2C,P2
      p2-a4c,38.25,TEST,A4C,P2
      """;

  @Test
  void aBiplaneTaskGroupsEachPatientsApicalViews() throws IOException {
    Path root = Files.createDirectories(dir.resolve("biplane"));
    Files.writeString(root.resolve("FileList.csv"), BIPLANE_LIST);

    StudyDataset dataset = StudyDataset.load("adult", new EchoNetDynamicSpec("biplane", null), dir,
        new SyntheticCohorts(dir, new StudyProgress(false)), new BiplaneLvefTask());

    Path videos = root.resolve(EchoNetDynamicDataset.VIDEOS);
    assertThat(dataset.samples()).extracting(Sample::id).containsExactly("P1", "P2");
    Sample p1 = dataset.samples().get(0);
    Sample p2 = dataset.samples().get(1);
    assertThat(p1.videoIds()).containsExactly("p1-a4c", "p1-a2c");
    assertThat(p1.videos()).containsExactly(videos.resolve("p1-a4c.avi"),
        videos.resolve("p1-a2c.avi"));
    assertThat(p2.videoIds()).containsExactly("p2-a4c", "p2-a2c");
    assertThat(p1.ef()).isEqualTo(55.5f);
    assertThat(p2.ef()).isEqualTo(38.25f);
    assertThat(p2.split()).hasToString("TEST");
  }

  @Test
  void aPatientMissingAViewIsOneLineNamingTheFile() throws IOException {
    Path root = Files.createDirectories(dir.resolve("missing"));
    Path list = Files.writeString(root.resolve("FileList.csv"),
        BIPLANE_LIST + "p3-a4c,61,VAL,A4C,P3\n");

    assertThatThrownBy(() -> StudyDataset.load("adult", new EchoNetDynamicSpec("missing", null),
        dir, new SyntheticCohorts(dir, new StudyProgress(false)), new BiplaneLvefTask()))
        .isInstanceOf(InputException.class)
        .hasMessage(list + ": patient P3 has no A2C video (each patient needs [A4C, A2C])");
  }

  @Test
  void aSingleViewTaskRefusesListRowsOfSeveralVideos() throws IOException {
    Path list = Files.writeString(dir.resolve("train.csv"), "a4c.avi a2c.avi 55.2\n");
    DatasetSpec config = new ListCsvSpec(".", java.util.Map.of("train", "train.csv"));
    assertThatThrownBy(() -> StudyDataset.load("pairs", config, dir,
        new SyntheticCohorts(dir, new StudyProgress(false)),
        new echobench.harness.task.LvefTask()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(list.toString())
        .hasMessageNotContaining("\n");
  }
}
