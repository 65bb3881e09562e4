package echobench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.reports.Condition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery shows a multi-view sample's first view, so a condition scoped to one view gets no
 * tile: its frame file name is its unscoped condition's, whose frame would be shown mislabelled.
 */
class GalleryFramesTest {
  @Test
  void viewScopedConditionsGetNoTile(@TempDir Path figures) throws IOException {
    Condition both = new Condition("depth-exp", 3);
    for (Condition c : List.of(Condition.CLEAN, both)) {
      Files.write(figures.resolve(GalleryFrames.fileName(c)), new byte[] {1, 2, 3});
    }
    assertThat(GalleryFrames.fileName(both.onView("A2C"))).isEqualTo(GalleryFrames.fileName(both));

    List<Gallery.Tile> tiles = GalleryFrames.read(figures,
        List.of(Condition.CLEAN, both, both.onView("A4C"), both.onView("A2C")));

    assertThat(tiles).extracting(Gallery.Tile::condition).containsExactly(Condition.CLEAN, both);
  }
}
