package echobench.harness.synth;

import echobench.perturb.Clip;

/**
 * One simulated recording: the grey clip, and the subject and acquisition it shows.
 *
 * @param clip the video, {@code 1×T×H×W}, intensities in {@code [0,1]}
 * @param subject whose heart it shows; its ventricle carries the labels
 * @param acquisition how it was recorded
 */
public record SimulatedEcho(Clip clip, Subject subject, Acquisition acquisition) {

  /**
   * Exact masks of the left-ventricular cavity and myocardium in every frame of {@link #clip}, from
   * the anatomy the simulator drew (computed on each call; the pixels are not involved).
   */
  public CardiacRegions regions() {
    return CardiacRegions.of(this);
  }

  /** Image column (pixels, may be fractional) of heart point {@code (u, v)}. */
  public double pixelX(double u, double v) {
    double scale = ScanConverter.centimetresPerPixel(acquisition.depthCm(), clip.width());
    return acquisition.pose().x(u, v) / scale + (clip.width() - 1) / 2.0;
  }

  /** Image row (pixels, may be fractional) of heart point {@code (u, v)}. */
  public double pixelY(double u, double v) {
    double scale = ScanConverter.centimetresPerPixel(acquisition.depthCm(), clip.width());
    return acquisition.pose().y(u, v) / scale - 0.5;
  }
}
