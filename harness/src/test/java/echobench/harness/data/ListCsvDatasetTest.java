package echobench.harness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCsvDatasetTest {

  @Test
  void readsSingleAndMultiViewRowsUnderTheRoot(@TempDir Path root) throws IOException {
    Path list = Files.writeString(root.resolve("train.csv"), """
        videos/a.mp4 55.5

        videos/b.mp4   videos/b_psax.mp4 62
        %s 40
        """.formatted(root.toAbsolutePath().resolve("videos/c.avi")));
    ListCsvDataset dataset =
        ListCsvDataset.load(list, root, ListCsvDataset.Label.EF, Split.TRAIN);
    assertThat(dataset.name()).isEqualTo("train");
    assertThat(dataset.samples()).hasSize(3);
    Sample multi = dataset.samples().get(1);
    assertThat(multi.id()).isEqualTo("videos/b");
    assertThat(multi.isMultiView()).isTrue();
    assertThat(multi.videos()).containsExactly(
        root.toAbsolutePath().resolve("videos/b.mp4"),
        root.toAbsolutePath().resolve("videos/b_psax.mp4"));
    assertThat(multi.ef()).isEqualTo(62f);
    assertThat(multi.view()).isNull();
    assertThat(dataset.samples().get(2).id()).isEqualTo("videos/c");
    assertThat(dataset.samples(Split.TRAIN)).hasSize(3);
    assertThat(dataset.samples(Split.TEST)).isEmpty();
  }

  @Test
  void viewLabelsAreClassIndices(@TempDir Path root) throws IOException {
    Path list = Files.writeString(root.resolve("views.csv"), "a.avi 0\nb.avi 12\n");
    assertThat(ListCsvDataset.load(list, root, ListCsvDataset.Label.VIEW, Split.TEST).samples())
        .extracting(Sample::view).containsExactly(0, 12);
    Path bad = Files.writeString(root.resolve("bad.csv"), "a.avi 1.5\n");
    assertThatThrownBy(
        () -> ListCsvDataset.load(bad, root, ListCsvDataset.Label.VIEW, Split.TEST))
        .hasMessage(bad + ":1: label \"1.5\" is not a class index (an integer 0 or more)");
  }

  @Test
  void pathsMayNotEscapeTheRoot(@TempDir Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve("data"));
    for (String path : new String[] {"../secret.avi", "videos/../../secret.avi",
        dir.toAbsolutePath().resolve("secret.avi").toString()}) {
      Path list = Files.writeString(root.resolve("list.csv"), "ok.avi 50\n" + path + " 50\n");
      assertThatThrownBy(
          () -> ListCsvDataset.load(list, root, ListCsvDataset.Label.EF, Split.TRAIN))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(list + ":2: path \"" + path + "\" escapes the dataset root");
    }
  }

  @Test
  void malformedLinesNameFileAndLine(@TempDir Path root) throws IOException {
    String[][] cases = {
        {"a.avi\n", ":1: expected \"path [path ...] label\", found one field"},
        {"a.avi 50\nb.avi fifty\n", ":2: EF \"fifty\" is not a number"},
        {"a.avi 150\n", ":1: EF 150 is outside 0..100"},
        {"a.avi 50\na.avi 60\n", ":2: a.avi is already listed on line 1"},
    };
    for (String[] c : cases) {
      Path list = Files.writeString(root.resolve("list.csv"), c[0]);
      assertThatThrownBy(
          () -> ListCsvDataset.load(list, root, ListCsvDataset.Label.EF, Split.VAL))
          .isInstanceOf(InputException.class)
          .hasMessage(list + c[1]);
    }
    Path missing = root.resolve("missing.csv");
    assertThatThrownBy(
        () -> ListCsvDataset.load(missing, root, ListCsvDataset.Label.EF, Split.VAL))
        .hasMessage(missing + ": no such file");
  }
}
