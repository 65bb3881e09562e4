package echobench.harness;

import echobench.perturb.Clip;
import echobench.perturb.ScanMask;
import echobench.perturb.SectorGeometry;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which pixels a perturbation may change: the {@code --mask} option of {@code perturb} and the
 * {@code mask} key of a study config.
 */
public enum MaskChoice {
  /** Detected from the clip ({@link ScanMask#automatic}). */
  AUTO,
  /** Every pixel, EchoJEPA's protocol. */
  FULL,
  /** EchoJEPA's geometric fan ({@link SectorGeometry#echoJepaDefault}). */
  SECTOR;

  /** The choice named {@code text} (case-insensitive). */
  public static MaskChoice parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "unknown mask '" + text + "' (known: " + Arrays.stream(values())
              .map(MaskChoice::toString).collect(Collectors.joining(", ")) + ")");
    }
  }

  /** The mask this choice gives for {@code clip}. */
  public ScanMask maskFor(Clip clip) {
    int h = clip.height();
    int w = clip.width();
    return switch (this) {
      case AUTO -> ScanMask.automatic(clip);
      case FULL -> ScanMask.full(h, w);
      case SECTOR -> ScanMask.sector(h, w, SectorGeometry.echoJepaDefault(h, w));
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
