package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.data.EchoView;
import echobench.perturb.Clip;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ejection fraction is in the pixels: a non-learned estimator reads it back from clean
 * simulated A4C clips. Per frame it smooths the image (3×3 mean), thresholds the dark blood at half
 * the sector's mean grey, flood-fills the left-ventricular cavity from a seed inside it (kept on
 * the apex side of the end-diastolic mitral annulus, as a sonographer closes the trace across the
 * annulus), and takes the area-length volume {@code 8A²/(3πL)} with {@code L} the cavity's extent
 * along its principal axis. EDV and ESV are the largest and smallest volumes over the clip.
 */
class LabelInPixelsTest {
  private static final int SUBJECTS = 50;

  @Test
  void areaLengthEstimateFromThePixelsCorrelatesWithTheLabel() {
    // 64×64 at 25 fps: 32 frames span 1.28 s, a whole beat at the slowest adult rate of 50 bpm.
    EchoSimulator simulator = new EchoSimulator(64, 32, 25);
    double[] truth = new double[SUBJECTS];
    double[] estimate = new double[SUBJECTS];
    for (int s = 0; s < SUBJECTS; s++) {
      Subject subject = Cohort.ADULT.drawSubject("s" + s, new SplittableRandom(5000 + s));
      Acquisition acquisition = Cohort.ADULT.drawAcquisition(
          subject, EchoView.A4C, new SplittableRandom(9000 + s));
      truth[s] = subject.ejectionFraction();
      estimate[s] = estimateEf(simulator.simulate(subject, acquisition));
    }
    assertThat(pearson(truth, estimate)).isGreaterThanOrEqualTo(0.9);
  }

  /** Ejection fraction in percent from the pixels of {@code echo}. */
  static double estimateEf(SimulatedEcho echo) {
    Clip clip = echo.clip();
    LeftVentricle lv = echo.subject().leftVentricle();
    // Seed: the cavity's centre at end-systole, inside the cavity at every instant.
    int seedX = (int) Math.round(echo.pixelX(lv.semiLong(1), 0));
    int seedY = (int) Math.round(echo.pixelY(lv.semiLong(1), 0));
    double annulus = lv.cavityLength(0);
    Line annulusLine = new Line(echo.pixelX(annulus, -10), echo.pixelY(annulus, -10),
        echo.pixelX(annulus, 10), echo.pixelY(annulus, 10));
    double apexSide = annulusLine.side(seedX, seedY);
    double largest = 0;
    double smallest = Double.MAX_VALUE;
    for (int t = 0; t < clip.frames(); t++) {
      boolean[] cavity = cavity(clip, t, seedX, seedY, annulusLine, apexSide);
      double volume = areaLengthVolume(cavity, clip.width(), clip.height());
      if (volume > 0) {
        largest = Math.max(largest, volume);
        smallest = Math.min(smallest, volume);
      }
    }
    return 100 * (1 - smallest / largest);
  }

  /** The dark region connected to the seed in frame {@code t}, on the apex side of the annulus. */
  private static boolean[] cavity(
      Clip clip, int t, int seedX, int seedY, Line annulus, double apexSide) {
    int w = clip.width();
    int h = clip.height();
    float[] smooth = new float[w * h];
    double sum = 0;
    int inside = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double acc = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            if (y + dy >= 0 && y + dy < h && x + dx >= 0 && x + dx < w) {
              acc += clip.get(0, t, y + dy, x + dx);
              n++;
            }
          }
        }
        smooth[y * w + x] = (float) (acc / n);
        if (clip.get(0, t, y, x) > 0) {
          sum += clip.get(0, t, y, x);
          inside++;
        }
      }
    }
    double threshold = 0.5 * sum / inside;
    boolean[] visited = new boolean[w * h];
    boolean[] cavity = new boolean[w * h];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(seedY * w + seedX);
    visited[seedY * w + seedX] = true;
    while (!queue.isEmpty()) {
      int p = queue.poll();
      int x = p % w;
      int y = p / w;
      if (smooth[p] >= threshold || annulus.side(x, y) != apexSide) {
        continue;
      }
      cavity[p] = true;
      int[] neighbours = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1,
          y < h - 1 ? p + w : -1};
      for (int q : neighbours) {
        if (q >= 0 && !visited[q]) {
          visited[q] = true;
          queue.add(q);
        }
      }
    }
    return cavity;
  }

  /** {@code 8A²/(3πL)} in pixel units, {@code L} the extent along the principal axis. */
  private static double areaLengthVolume(boolean[] region, int w, int h) {
    double n = 0;
    double mx = 0;
    double my = 0;
    for (int p = 0; p < region.length; p++) {
      if (region[p]) {
        n++;
        mx += p % w;
        my += p / w;
      }
    }
    if (n < 5) {
      return 0;
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int p = 0; p < region.length; p++) {
      if (region[p]) {
        double dx = p % w - mx;
        double dy = p / w - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
    }
    double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    double low = Double.MAX_VALUE;
    double high = -Double.MAX_VALUE;
    for (int p = 0; p < region.length; p++) {
      if (region[p]) {
        double along = (p % w) * Math.cos(angle) + (p / w) * Math.sin(angle);
        low = Math.min(low, along);
        high = Math.max(high, along);
      }
    }
    double length = high - low + 1;
    return 8 * n * n / (3 * Math.PI * length);
  }

  static double pearson(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) * (a[i] - ma);
      bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / Math.sqrt(aa * bb);
  }

  /** The line through two image points; {@link #side} tells which side a pixel is on. */
  private record Line(double x0, double y0, double x1, double y1) {
    double side(double x, double y) {
      return Math.signum((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0));
    }
  }
}
