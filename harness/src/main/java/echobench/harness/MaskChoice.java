package echobench.harness;

import echobench.harness.video.CodecH264;
import echobench.perturb.BandShadow;
import echobench.perturb.Clip;
import echobench.perturb.DepthExponential;
import echobench.perturb.DepthLinear;
import echobench.perturb.DepthPower;
import echobench.perturb.GaussianShadow;
import echobench.perturb.ScanMask;
import echobench.perturb.SectorGeometry;
import echobench.reports.io.InputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which pixels a perturbation may change: the {@code --mask} option of {@code perturb} and the
 * {@code mask} keys of a study config. Each family has a default ({@link #defaultFor}): the five
 * EchoJEPA presets act on the full frame, as the paper ran them, and so does the codec control
 * ({@code codec-h264} changes the whole frame whatever the mask); the sector-aware suite acts on
 * the fitted fan.
 */
public enum MaskChoice {
  /** The fan fitted to the clip ({@link ScanMask#automatic}); a clip without one is refused. */
  AUTO,
  /** Every pixel, EchoJEPA's protocol. */
  FULL,
  /** EchoJEPA's geometric fan ({@link SectorGeometry#echoJepaDefault}). */
  SECTOR;

  private static final Set<String> FULL_FRAME_FAMILIES = Set.of(DepthExponential.SPEC.name(),
      DepthLinear.SPEC.name(), DepthPower.SPEC.name(), GaussianShadow.SPEC.name(),
      BandShadow.SPEC.name(), CodecH264.SPEC.name());

  /**
   * The default mask of a perturbation or composition {@code a+b}: {@link #FULL} when every part
   * is an EchoJEPA preset or the codec control, else {@link #AUTO}.
   */
  public static MaskChoice defaultFor(String expression) {
    for (String part : expression.split("\\+", -1)) {
      if (!FULL_FRAME_FAMILIES.contains(part.trim())) {
        return AUTO;
      }
    }
    return FULL;
  }

  /** The choice named {@code text} (case-insensitive). */
  public static MaskChoice parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException(
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
