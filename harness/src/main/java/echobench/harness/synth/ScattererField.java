package echobench.harness.synth;

import java.util.SplittableRandom;

/**
 * The complex scatterer field behind fully developed speckle: at every polar sample a circular
 * complex Gaussian of unit power, scaled by the tissue's echo amplitude.
 *
 * <p>The field has two parts, both independent complex Gaussians on square grids of one cell per
 * range step, read bilinearly (rescaled to unit power) at each sample, so both have the same
 * spatial statistics. A share {@code coherence} of the power is fixed to the tissue: a periodic
 * texture in heart coordinates read at each sample's end-diastolic (material) position, so its
 * speckle moves with the myocardium. The rest decorrelates: a grid fixed in the scan plane whose
 * cells follow a first-order autoregressive process from frame to frame with correlation {@code
 * frameCorrelation} (out-of-plane motion, flowing blood). The complex correlation of static tissue
 * between consecutive frames is therefore {@code coherence + (1 − coherence)·frameCorrelation}, and
 * the envelope of the filtered field is Rayleigh-distributed whatever the mixture.
 */
final class ScattererField {
  private static final int TILE = 256;
  private static final int MASK = TILE - 1;
  private static final double HALF = Math.sqrt(0.5);

  private final float[] textureRe = new float[TILE * TILE];
  private final float[] textureIm = new float[TILE * TILE];
  private final float[] freshRe;
  private final float[] freshIm;
  /** Per sample: the fresh grid's cell at the upper left, and the four bilinear weights. */
  private final int[] freshCell;
  private final float[][] freshWeight;
  private final int freshWidth;
  private final double inverseCell;
  private final float coherent;
  private final float incoherent;
  private final float correlation;
  private final float innovation;
  private final SplittableRandom random;

  /**
   * @param scanX scan {@code x} of every polar sample, cm
   * @param scanY scan {@code y} of every polar sample, cm
   * @param cellCm grid cell size
   * @param coherence share of power that moves with the tissue, {@code [0,1]}
   * @param frameCorrelation frame-to-frame correlation of the rest, {@code [0,1)}
   * @param seed seed of both grids and of the frame-to-frame innovations
   */
  ScattererField(
      double[] scanX, double[] scanY, double cellCm, double coherence, double frameCorrelation,
      long seed) {
    this.random = new SplittableRandom(seed);
    this.inverseCell = 1 / cellCm;
    this.coherent = (float) Math.sqrt(coherence);
    this.incoherent = (float) Math.sqrt(1 - coherence);
    this.correlation = (float) frameCorrelation;
    this.innovation = (float) Math.sqrt(1 - frameCorrelation * frameCorrelation);
    for (int k = 0; k < textureRe.length; k++) {
      textureRe[k] = gaussianComponent();
      textureIm[k] = gaussianComponent();
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < scanX.length; k++) {
      minX = Math.min(minX, scanX[k]);
      maxX = Math.max(maxX, scanX[k]);
      minY = Math.min(minY, scanY[k]);
      maxY = Math.max(maxY, scanY[k]);
    }
    freshWidth = (int) Math.floor((maxX - minX) * inverseCell) + 2;
    int freshHeight = (int) Math.floor((maxY - minY) * inverseCell) + 2;
    freshRe = new float[freshWidth * freshHeight];
    freshIm = new float[freshWidth * freshHeight];
    for (int c = 0; c < freshRe.length; c++) {
      freshRe[c] = gaussianComponent();
      freshIm[c] = gaussianComponent();
    }
    freshCell = new int[scanX.length];
    freshWeight = new float[4][scanX.length];
    for (int k = 0; k < scanX.length; k++) {
      double x = (scanX[k] - minX) * inverseCell;
      double y = (scanY[k] - minY) * inverseCell;
      int x0 = Math.min((int) x, freshWidth - 2);
      int y0 = Math.min((int) y, freshHeight - 2);
      float fx = (float) (x - x0);
      float fy = (float) (y - y0);
      float norm = unitPower(fx, fy);
      freshCell[k] = y0 * freshWidth + x0;
      freshWeight[0][k] = (1 - fx) * (1 - fy) * norm;
      freshWeight[1][k] = fx * (1 - fy) * norm;
      freshWeight[2][k] = (1 - fx) * fy * norm;
      freshWeight[3][k] = fx * fy * norm;
    }
  }

  /**
   * Advances one frame and writes the scatterers: sample {@code k} has end-diastolic position
   * {@code (u[k], v[k])} in heart coordinates (cm) and echo amplitude {@code amplitude[k]}.
   */
  void next(double[] u, double[] v, float[] amplitude, float[] re, float[] im) {
    for (int c = 0; c < freshRe.length; c++) {
      freshRe[c] = correlation * freshRe[c] + innovation * gaussianComponent();
      freshIm[c] = correlation * freshIm[c] + innovation * gaussianComponent();
    }
    float[] w00 = freshWeight[0];
    float[] w10 = freshWeight[1];
    float[] w01 = freshWeight[2];
    float[] w11 = freshWeight[3];
    for (int k = 0; k < re.length; k++) {
      int c = freshCell[k];
      float fRe = w00[k] * freshRe[c] + w10[k] * freshRe[c + 1]
          + w01[k] * freshRe[c + freshWidth] + w11[k] * freshRe[c + freshWidth + 1];
      float fIm = w00[k] * freshIm[c] + w10[k] * freshIm[c + 1]
          + w01[k] * freshIm[c + freshWidth] + w11[k] * freshIm[c + freshWidth + 1];

      double x = u[k] * inverseCell;
      double y = v[k] * inverseCell;
      double floorX = Math.floor(x);
      double floorY = Math.floor(y);
      float fx = (float) (x - floorX);
      float fy = (float) (y - floorY);
      float norm = unitPower(fx, fy);
      int x0 = (int) floorX & MASK;
      int y0 = (int) floorY & MASK;
      int x1 = (x0 + 1) & MASK;
      int y1 = (y0 + 1) & MASK;
      float t00 = (1 - fx) * (1 - fy) * norm;
      float t10 = fx * (1 - fy) * norm;
      float t01 = (1 - fx) * fy * norm;
      float t11 = fx * fy * norm;
      int i00 = y0 * TILE + x0;
      int i10 = y0 * TILE + x1;
      int i01 = y1 * TILE + x0;
      int i11 = y1 * TILE + x1;
      float tRe = t00 * textureRe[i00] + t10 * textureRe[i10] + t01 * textureRe[i01]
          + t11 * textureRe[i11];
      float tIm = t00 * textureIm[i00] + t10 * textureIm[i10] + t01 * textureIm[i01]
          + t11 * textureIm[i11];
      float a = amplitude[k];
      re[k] = a * (coherent * tRe + incoherent * fRe);
      im[k] = a * (coherent * tIm + incoherent * fIm);
    }
  }

  /**
   * The factor that rescales bilinear weights for fractions {@code (fx, fy)} so that a mix of
   * independent unit-power values keeps unit power (plain weights lose power between grid points).
   */
  private static float unitPower(float fx, float fy) {
    float w00 = (1 - fx) * (1 - fy);
    float w10 = fx * (1 - fy);
    float w01 = (1 - fx) * fy;
    float w11 = fx * fy;
    return (float) (1 / Math.sqrt(w00 * w00 + w10 * w10 + w01 * w01 + w11 * w11));
  }

  /** One component of a unit-power circular complex Gaussian: variance 1/2. */
  private float gaussianComponent() {
    return (float) (HALF * random.nextGaussian());
  }
}
