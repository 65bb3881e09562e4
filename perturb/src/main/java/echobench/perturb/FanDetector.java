package echobench.perturb;

import echobench.reports.io.InputException;
import java.util.Locale;

/**
 * Finds the ultrasound fan of a clip and nothing else: {@link OverlayFilter} keeps the moving grey
 * echo and drops colour, static graphics and thin traces, {@link SectorFit} fits the sector's apex,
 * edge angles and radii to it, and the mask is that sector rasterised, so dark cavities and shadows
 * inside the fan are inside and the corners outside are not.
 *
 * <p>When no plausible fan is found it throws, naming the clip; it never falls back to another
 * mask.
 */
public final class FanDetector {
  /** Least share of the frame a fan covers. */
  static final double MIN_AREA = 0.02;

  private FanDetector() {}

  /**
   * The fitted sector of {@code clip}.
   *
   * @throws InputException if the clip has one frame or shows no plausible fan
   */
  public static SectorGeometry fit(Clip clip) {
    String source = clip.sourceId();
    if (clip.frames() < 2) {
      throw noFan(source, "one frame cannot tell the moving fan from static overlays");
    }
    int h = clip.height();
    int w = clip.width();
    boolean[] tissue = OverlayFilter.tissue(clip);
    if (PixelRegions.count(tissue) == 0) {
      throw noFan(source, "no moving grey pixels: the clip is black, static or all colour");
    }
    boolean[] region = OverlayFilter.fanRegion(tissue, h, w);
    int area = PixelRegions.count(region);
    if (area < MIN_AREA * h * w) {
      throw noFan(source, String.format(Locale.ROOT,
          "the largest moving grey area covers %.1f%% of the frame, less than %.0f%%",
          100.0 * area / (h * w), 100 * MIN_AREA));
    }
    return SectorFit.fit(tissue, region, h, w, source);
  }

  /** The error for a clip without a plausible fan: one line, naming the clip and the reason. */
  static InputException noFan(String source, String reason) {
    return new InputException(
        source + ": no ultrasound fan found (" + reason + "); use the full-frame mask instead");
  }
}
