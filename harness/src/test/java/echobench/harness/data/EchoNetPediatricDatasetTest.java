package echobench.harness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EchoNetPediatricDatasetTest {
  private static final String HEADER = "FileName,EF,Sex,Age,Weight,Height,Split\n";

  private static void write(Path root, String view, String rows) throws IOException {
    Path folder = Files.createDirectories(root.resolve(view));
    Files.writeString(folder.resolve("FileList.csv"), HEADER + rows);
  }

  @Test
  void readsBothViewsAndMapsFoldsToSplits(@TempDir Path root) throws IOException {
    write(root, "A4C", """
        CR1-CR2-000001.avi,61.2,F,4,15.5,101.0,3
        CR5-CR6-000001.avi,35.0,M,15,60.0,170.0,4
        CR7-CR8-000001.avi,58.0,M,1,9.0,74.0,0
        """);
    write(root, "PSAX", "CR1-CR2-000002.avi,61.2,F,4,15.5,101.0,3\n");

    EchoNetPediatricDataset dataset = EchoNetPediatricDataset.load(root, 3);
    assertThat(dataset.samples()).hasSize(4);
    assertThat(dataset.samples(EchoView.A4C)).hasSize(3);
    Sample psax = dataset.samples(EchoView.PSAX).get(0);
    assertThat(psax.id()).isEqualTo("PSAX/CR1-CR2-000002");
    assertThat(psax.video()).isEqualTo(
        root.toAbsolutePath().resolve("PSAX/Videos/CR1-CR2-000002.avi"));
    assertThat(psax.view()).isEqualTo(EchoView.PSAX.classIndex());
    assertThat(psax.metadata()).containsEntry("patient", "CR1").containsEntry("fold", "3")
        .containsEntry("age_group", "2-5").containsEntry("Sex", "F");
    // Test fold 3: fold 3 is TEST, fold 4 VAL, the rest TRAIN.
    assertThat(dataset.samples(EchoView.A4C)).extracting(Sample::split)
        .containsExactly(Split.TEST, Split.VAL, Split.TRAIN);
    assertThat(dataset.samples(EchoView.A4C).get(1).metadata()).containsEntry("age_group", "13-18");
    assertThat(dataset.samples(EchoView.A4C).get(2).metadata()).containsEntry("age_group", "0-1");
  }

  @Test
  void foldMappingWrapsAround() {
    assertThat(EchoNetPediatricDataset.splitOf(9, 9)).isEqualTo(Split.TEST);
    assertThat(EchoNetPediatricDataset.splitOf(0, 9)).isEqualTo(Split.VAL);
    assertThat(EchoNetPediatricDataset.splitOf(1, 9)).isEqualTo(Split.TRAIN);
    int[] counts = new int[Split.values().length];
    for (int fold = 0; fold < EchoNetPediatricDataset.FOLDS; fold++) {
      counts[EchoNetPediatricDataset.splitOf(fold, 0).ordinal()]++;
    }
    assertThat(counts).containsExactly(8, 1, 1);
  }

  @Test
  void malformedRowsAndMissingFoldersAreBadInput(@TempDir Path root) throws IOException {
    assertThatThrownBy(() -> EchoNetPediatricDataset.load(root))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(root.resolve("A4C").resolve("FileList.csv") + ": no such file");
    Path list = root.resolve("A4C").resolve("FileList.csv");
    String[][] cases = {
        {"a.avi,61,F,4,15,101,10\n", ":2: Split \"10\" is not a fold 0..9"},
        {"a.avi,61,F,4,15,101,TRAIN\n", ":2: Split \"TRAIN\" is not a fold 0..9"},
        {"a.avi,n/a,F,4,15,101,1\n", ":2: EF \"n/a\" is not a number"},
        {"a.avi,61,F,4,15,1\n", ":2: expected 7 fields, found 6"},
    };
    for (String[] c : cases) {
      write(root, "A4C", c[0]);
      assertThatThrownBy(() -> EchoNetPediatricDataset.load(root))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(list + c[1]);
    }
  }
}
