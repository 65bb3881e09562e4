package echobench.reports.render;

import echobench.reports.Condition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the gallery's frames live: the study writes one PNG per condition into the run's
 * {@code figures/} folder under {@link #fileName}, and the report embeds whichever of them it
 * finds, so re-rendering a finished run shows the same frames.
 */
public final class GalleryFrames {
  private static final String PREFIX = "gallery-";

  private GalleryFrames() {}

  /** {@code gallery-<perturbation>-<severity>.png}, characters outside a plain name as {@code _}. */
  public static String fileName(Condition condition) {
    return PREFIX + condition.perturbation().replaceAll("[^A-Za-z0-9.-]", "_") + "-"
        + condition.severity() + ".png";
  }

  /**
   * The frames of {@code conditions} (clean and perturbed ones; identity conditions, and those
   * scoped to one view of a multi-view sample, whose frame would be the first view's, are left
   * out) found in {@code figures}, clean first then by perturbation and severity.
   *
   * @throws UncheckedIOException when a frame exists but cannot be read
   */
  public static List<Gallery.Tile> read(Path figures, Collection<Condition> conditions) {
    List<Gallery.Tile> tiles = new ArrayList<>();
    for (Condition c : new TreeSet<>(conditions)) {
      Path file = figures.resolve(fileName(c));
      if ((c.isClean() || c.isPerturbed()) && c.view() == null && Files.isRegularFile(file)) {
        try {
          tiles.add(new Gallery.Tile(c, file.getFileName().toString(), Files.readAllBytes(file)));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the gallery frame " + file, e);
        }
      }
    }
    return tiles;
  }
}
