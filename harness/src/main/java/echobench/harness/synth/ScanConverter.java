package echobench.harness.synth;

/**
 * Scan conversion: resamples polar (range × beam) data onto a square image with the transducer at
 * the middle of the top edge, by bilinear interpolation; pixels outside the fan are black. The
 * pixel-to-sample map is computed once, so each frame costs four multiply-adds per pixel.
 */
final class ScanConverter {
  private final int size;
  private final int beams;
  /** Per pixel: flat index of the upper-left polar sample, or -1 outside the fan. */
  private final int[] corner;
  private final float[] rangeFraction;
  private final float[] beamFraction;

  ScanConverter(PolarGrid grid, int size) {
    this.size = size;
    this.beams = grid.beams();
    int pixels = size * size;
    corner = new int[pixels];
    rangeFraction = new float[pixels];
    beamFraction = new float[pixels];
    double pixel = centimetresPerPixel(grid.depthCm(), size);
    for (int py = 0; py < size; py++) {
      for (int px = 0; px < size; px++) {
        int p = py * size + px;
        double x = scanX(px, size, pixel);
        double y = scanY(py, pixel);
        double r = Math.hypot(x, y);
        double theta = Math.atan2(x, y);
        if (!insideFan(x, y, grid.depthCm(), grid.halfAngle())) {
          corner[p] = -1;
          continue;
        }
        double fi = clamp(r / grid.rangeStep() - 0.5, grid.ranges() - 1);
        double fj = clamp((theta + grid.halfAngle()) / grid.angleStep() - 0.5, grid.beams() - 1);
        int i = Math.min((int) fi, grid.ranges() - 2);
        int j = Math.min((int) fj, grid.beams() - 2);
        corner[p] = i * beams + j;
        rangeFraction[p] = (float) (fi - i);
        beamFraction[p] = (float) (fj - j);
      }
    }
  }

  /** Image scale: the sector's radius spans the image's height. */
  static double centimetresPerPixel(double depthCm, int size) {
    return depthCm / size;
  }

  /** Whether scan point {@code (x, y)} lies inside the fan of radius {@code depthCm}. */
  static boolean insideFan(double x, double y, double depthCm, double halfAngle) {
    return Math.hypot(x, y) <= depthCm && Math.abs(Math.atan2(x, y)) <= halfAngle;
  }

  /**
   * The pixels of a {@code size}² image whose centres lie inside the fan of radius {@code depthCm}
   * and half-angle {@code halfAngle}, row-major: where the converter writes echo (which may still
   * be black), and outside which it writes exact zeros.
   */
  static boolean[] fanPixels(double depthCm, double halfAngle, int size) {
    double pixel = centimetresPerPixel(depthCm, size);
    boolean[] fan = new boolean[size * size];
    for (int p = 0; p < fan.length; p++) {
      fan[p] = insideFan(scanX(p % size, size, pixel), scanY(p / size, pixel), depthCm, halfAngle);
    }
    return fan;
  }

  /** Scan {@code x} (cm) of the centre of pixel column {@code px}. */
  static double scanX(double px, int size, double centimetresPerPixel) {
    return (px - (size - 1) / 2.0) * centimetresPerPixel;
  }

  /** Scan {@code y} (cm) of the centre of pixel row {@code py}. */
  static double scanY(double py, double centimetresPerPixel) {
    return (py + 0.5) * centimetresPerPixel;
  }

  /** Writes the image of {@code polar} into {@code image} from {@code offset} on. */
  void convert(float[] polar, float[] image, int offset) {
    for (int p = 0; p < size * size; p++) {
      int k = corner[p];
      if (k < 0) {
        image[offset + p] = 0f;
        continue;
      }
      float fr = rangeFraction[p];
      float fb = beamFraction[p];
      float top = polar[k] + fb * (polar[k + 1] - polar[k]);
      float bottom = polar[k + beams] + fb * (polar[k + beams + 1] - polar[k + beams]);
      image[offset + p] = top + fr * (bottom - top);
    }
  }

  private static double clamp(double value, double max) {
    return Math.max(0, Math.min(max, value));
  }
}
