package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset without samples is refused naming the file that lists them. */
class StudyDatasetTest {
  @TempDir Path dir;

  @Test
  void anEmptyFileListIsNamed() throws IOException {
    Path list = Files.writeString(Files.createDirectories(dir.resolve("adult"))
        .resolve("FileList.csv"), "FileName,EF,Split\n");
    DatasetConfig config = new DatasetConfig(DatasetConfig.ECHONET_DYNAMIC, "adult", null, null,
        null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> StudyDataset.load("adult", config, dir,
        new SyntheticCohorts(dir, new StudyProgress(false)),
        StudyConfig.LVEF))
        .isInstanceOf(InputException.class)
        .hasMessage(list + ": dataset adult has no samples");
  }

  @Test
  void aViewWithoutSamplesIsNamed() throws IOException {
    Path list = Files.writeString(Files.createDirectories(dir.resolve("views"))
        .resolve("FileList.csv"), "FileName,EF,Split,View\na,60,TRAIN,A4C\n");
    DatasetConfig config = new DatasetConfig(DatasetConfig.ECHONET_DYNAMIC, "views", null, "PLAX",
        null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> StudyDataset.load("adult", config, dir,
        new SyntheticCohorts(dir, new StudyProgress(false)),
        StudyConfig.LVEF))
        .isInstanceOf(InputException.class)
        .hasMessage(list + ": dataset adult has no samples of view PLAX");
  }
}
