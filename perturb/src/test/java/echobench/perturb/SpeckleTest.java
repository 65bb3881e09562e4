package echobench.perturb;

import static echobench.perturb.SuiteFixtures.HEIGHT;
import static echobench.perturb.SuiteFixtures.WIDTH;
import static echobench.perturb.SuiteFixtures.constant;
import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.meanInside;
import static echobench.perturb.SuiteFixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpeckleTest {
  private static final ScanMask MASK = fanMask();
  private static final float FLAT = 0.3f;

  @Test
  void speckleContrastRisesWithSeverityUpToFullyDevelopedSpeckle() {
    Clip flat = constant(1, 16, FLAT);
    double previous = 0;
    for (int s = 1; s <= 5; s++) {
      double contrast = contrast(Speckle.SPEC.at(s).apply(flat, MASK, 7));
      assertThat(contrast).as("severity %d", s).isGreaterThan(previous);
      previous = contrast;
    }
    assertThat(contrast(Speckle.SPEC.at(1).apply(flat, MASK, 7)))
        .isCloseTo(0.15 * SpeckleField.RAYLEIGH_CONTRAST, within(0.01));
    // severity 5 is pure Rayleigh speckle: std/mean = √(4/π − 1) ≈ 0.523
    assertThat(previous).isCloseTo(SpeckleField.RAYLEIGH_CONTRAST, within(0.04));
  }

  @Test
  void theSpeckleMapHasUnitMean() {
    Clip out = Speckle.SPEC.at(5).apply(constant(1, 16, FLAT), MASK, 8);
    assertThat(meanInside(out, MASK)).isCloseTo(FLAT, within(0.015));
  }

  @Test
  void grainsAreLongerAcrossTheBeamThanAlongIt() {
    Clip out = Speckle.SPEC.at(5).apply(constant(1, 16, FLAT), MASK, 9);
    double lateral = neighbourCorrelation(out, 1, 0);
    double axial = neighbourCorrelation(out, 0, 1);
    // Gaussian PSF σ 1.5 px across, 0.75 px along: field correlation exp(−1/(4σ²)) = 0.90 vs 0.64
    assertThat(lateral).isGreaterThan(axial + 0.2);
    assertThat(axial).isGreaterThan(0.2);
  }

  @Test
  void everyFrameGetsNewSpeckleSharedByItsChannels() {
    Clip out = Speckle.SPEC.at(3).apply(constant(3, 2, FLAT), MASK, 10);
    assertThat(plane(out, 0, 0)).isNotEqualTo(plane(out, 0, 1));
    for (int t = 0; t < 2; t++) {
      assertThat(plane(out, 1, t)).isEqualTo(plane(out, 0, t));
      assertThat(plane(out, 2, t)).isEqualTo(plane(out, 0, t));
    }
  }

  private static double contrast(Clip clip) {
    double sum = 0;
    double squares = 0;
    long n = 0;
    for (int off = 0; off < clip.data().length; off += clip.planeSize()) {
      for (int p = 0; p < clip.planeSize(); p++) {
        if (MASK.contains(p)) {
          double v = clip.data()[off + p];
          sum += v;
          squares += v * v;
          n++;
        }
      }
    }
    double mean = sum / n;
    return Math.sqrt(squares / n - mean * mean) / mean;
  }

  /** Pearson correlation of masked pixels with their masked neighbour at offset (dx, dy). */
  private static double neighbourCorrelation(Clip clip, int dx, int dy) {
    double sa = 0;
    double sb = 0;
    double saa = 0;
    double sbb = 0;
    double sab = 0;
    long n = 0;
    for (int t = 0; t < clip.frames(); t++) {
      float[] f = plane(clip, 0, t);
      for (int y = 0; y + dy < HEIGHT; y++) {
        for (int x = 0; x + dx < WIDTH; x++) {
          if (MASK.contains(x, y) && MASK.contains(x + dx, y + dy)) {
            double a = f[y * WIDTH + x];
            double b = f[(y + dy) * WIDTH + x + dx];
            sa += a;
            sb += b;
            saa += a * a;
            sbb += b * b;
            sab += a * b;
            n++;
          }
        }
      }
    }
    double cov = sab / n - sa / n * sb / n;
    return cov / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
  }
}
