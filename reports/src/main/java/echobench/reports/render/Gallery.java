package echobench.reports.render;

import echobench.reports.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The perturbation gallery: one frame of one test video under each condition of the run, one row
 * per perturbation in severity order after the clean frame. The frames are PNG files
 * the study wrote into the run's {@code figures/} folder (named by {@link GalleryFrames}).
 *
 * @param caption what the frames show
 * @param tiles one frame per condition
 */
public record Gallery(String caption, List<Tile> tiles) implements Block {
  public Gallery {
    tiles = List.copyOf(tiles);
  }

  /**
   * One frame of the gallery.
   *
   * @param condition the condition the frame was seen under
   * @param fileName its file name under {@code figures/}
   * @param png the encoded frame
   */
  public record Tile(Condition condition, String fileName, byte[] png) {
    public Tile {
      png = png.clone();
    }

    /** A copy of the PNG bytes. */
    @Override
    public byte[] png() {
      return png.clone();
    }
  }

  /**
   * The tiles in rows, one per perturbation by severity, each led by the clean frame so that
   * every row compares with it (the clean frame alone when nothing is perturbed).
   */
  public List<List<Tile>> rows() {
    List<Tile> clean = tiles.stream().filter(t -> t.condition().isClean()).toList();
    Map<String, List<Tile>> rows = new LinkedHashMap<>();
    tiles.stream().filter(t -> !t.condition().isClean())
        .sorted((a, b) -> a.condition().compareTo(b.condition()))
        .forEach(t -> rows.computeIfAbsent(t.condition().perturbation(),
            k -> new ArrayList<>(clean)).add(t));
    return rows.isEmpty() ? (clean.isEmpty() ? List.of() : List.of(clean))
        : List.copyOf(rows.values());
  }

  /** The most tiles in one row. */
  public int columns() {
    return rows().stream().mapToInt(List::size).max().orElse(0);
  }
}
