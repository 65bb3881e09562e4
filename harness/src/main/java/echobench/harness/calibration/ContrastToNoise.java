package echobench.harness.calibration;

import echobench.harness.synth.CardiacRegion;
import echobench.harness.synth.CardiacRegions;
import echobench.perturb.Clip;

/**
 * The contrast-to-noise ratio between the left-ventricular myocardium and cavity, the usual
 * ultrasound image-quality measure of how well a tissue stands out from blood:
 *
 * <pre>CNR = |μ_myo − μ_cav| / sqrt((σ²_myo + σ²_cav) / 2)</pre>
 *
 * where {@code μ} and {@code σ²} are the mean and (population) variance of the grey values of every
 * masked pixel of the region over all frames, each frame with its own exact masks; no contrast at
 * all (both regions equally bright, as when a shadow blacks out both) is a CNR of 0. Grey clips
 * only.
 */
public final class ContrastToNoise {
  private ContrastToNoise() {}

  /** The CNR of {@code clip} over {@code regions}; both must have the same shape. */
  public static double of(Clip clip, CardiacRegions regions) {
    if (clip.channels() != 1 || clip.frames() != regions.frames()
        || clip.height() != regions.height() || clip.width() != regions.width()) {
      throw new IllegalArgumentException(
          "CNR needs a grey clip of the regions' shape, not " + clip);
    }
    double[] sum = new double[2];
    double[] squares = new double[2];
    long[] count = new long[2];
    float[] data = clip.data();
    int plane = clip.planeSize();
    for (int t = 0; t < clip.frames(); t++) {
      for (int p = 0; p < plane; p++) {
        int r = regions.contains(CardiacRegion.LV_MYOCARDIUM, t, p) ? 1
            : regions.contains(CardiacRegion.LV_CAVITY, t, p) ? 0 : -1;
        if (r >= 0) {
          double value = data[t * plane + p];
          sum[r] += value;
          squares[r] += value * value;
          count[r]++;
        }
      }
    }
    if (count[0] == 0 || count[1] == 0) {
      throw new IllegalArgumentException("CNR needs pixels in both the cavity and the myocardium");
    }
    double cavity = sum[0] / count[0];
    double wall = sum[1] / count[1];
    return of(wall, Math.max(0, squares[1] / count[1] - wall * wall), cavity,
        Math.max(0, squares[0] / count[0] - cavity * cavity));
  }

  /** The CNR of regions with these means and variances. */
  static double of(double wallMean, double wallVariance, double cavityMean,
      double cavityVariance) {
    double contrast = Math.abs(wallMean - cavityMean);
    return contrast == 0 ? 0 : contrast / Math.sqrt((wallVariance + cavityVariance) / 2);
  }
}
