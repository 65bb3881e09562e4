package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.harness.data.EchoView;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The speckle is fully developed and moves like real speckle: the envelope of a homogeneous region,
 * before log compression, is Rayleigh-distributed (mean/std = sqrt(π/(4−π)) ≈ 1.913), and its
 * frame-to-frame correlation lies strictly between 0.2 and 0.95 over the cohorts' range of speckle
 * coherence and decorrelation.
 */
class SpeckleTest {
  private static final double RAYLEIGH_MEAN_OVER_SD = Math.sqrt(Math.PI / (4 - Math.PI));
  private static final PolarGrid GRID = new PolarGrid(15, Math.toRadians(40), 112, 160);
  private static final int FRAMES = 6;

  @Test
  void homogeneousEnvelopeIsRayleigh() {
    for (double[] speckle : new double[][] {{0.55, 0.3}, {0.8, 0.6}, {0.7, 0.45}}) {
      float[][] envelopes = homogeneousEnvelopes(speckle[0], speckle[1], 11);
      double mean = 0;
      double square = 0;
      int n = 0;
      for (float[] envelope : envelopes) {
        for (int k : patch()) {
          mean += envelope[k];
          square += (double) envelope[k] * envelope[k];
          n++;
        }
      }
      mean /= n;
      double sd = Math.sqrt(square / n - mean * mean);
      assertThat(mean / sd).isCloseTo(RAYLEIGH_MEAN_OVER_SD, within(0.1 * RAYLEIGH_MEAN_OVER_SD));
    }
  }

  @Test
  void speckleDecorrelatesPartlyFromFrameToFrameForEveryDrawnRecording() {
    SplittableRandom random = new SplittableRandom(3);
    for (Cohort cohort : Cohort.all()) {
      for (int i = 0; i < 4; i++) {
        Subject subject = cohort.drawSubject("s" + i, random);
        Acquisition acquisition = cohort.drawAcquisition(subject, EchoView.A4C, random);
        float[][] envelopes = homogeneousEnvelopes(acquisition.speckleCoherence(),
            acquisition.speckleFrameCorrelation(), acquisition.seed());
        for (int t = 1; t < FRAMES; t++) {
          assertThat(correlation(envelopes[t - 1], envelopes[t])).isStrictlyBetween(0.2, 0.95);
        }
      }
    }
  }

  @Test
  void independentRecordingsAreUncorrelated() {
    float[] first = homogeneousEnvelopes(0.7, 0.45, 1)[0];
    float[] second = homogeneousEnvelopes(0.7, 0.45, 2)[0];
    assertThat(correlation(first, second)).isCloseTo(0, within(0.1));
  }

  @Test
  void lateralResolutionCoarsensWithDepth() {
    PointSpreadFunction psf = new PointSpreadFunction(GRID, 2.5);
    double previous = 0;
    for (int i = 20; i < GRID.ranges(); i += 10) {
      double widthCm = psf.lateralSigmaBeams(i) * GRID.range(i) * GRID.angleStep();
      assertThat(widthCm).isGreaterThan(previous);
      previous = widthCm;
    }
  }

  /**
   * Envelopes of {@value #FRAMES} frames of unit-echogenicity static tissue, filtered by the
   * point-spread function, with negligible noise and no depth loss.
   */
  private static float[][] homogeneousEnvelopes(
      double coherence, double frameCorrelation, long seed) {
    int samples = GRID.samples();
    double[] u = new double[samples];
    double[] v = new double[samples];
    for (int i = 0; i < GRID.ranges(); i++) {
      for (int j = 0; j < GRID.beams(); j++) {
        u[i * GRID.beams() + j] = GRID.range(i) * Math.cos(GRID.angle(j));
        v[i * GRID.beams() + j] = GRID.range(i) * Math.sin(GRID.angle(j));
      }
    }
    float[] amplitude = new float[samples];
    Arrays.fill(amplitude, 1f);
    ScattererField field = new ScattererField(v, u, GRID.rangeStep(), coherence,
        frameCorrelation, seed);
    PointSpreadFunction psf = new PointSpreadFunction(GRID, 2.5);
    Acquisition quiet = new Acquisition(EchoView.A4C, new HeartPose(0, 0, 0), GRID.depthCm(),
        GRID.halfAngle(), 1, 2.5, 0, 50, -200, 0, 0, -200, 0, coherence, frameCorrelation, 0, seed);
    ReceiveChain receiver = new ReceiveChain(GRID, quiet, seed + 1);
    float[][] envelopes = new float[FRAMES][samples];
    float[] re = new float[samples];
    float[] im = new float[samples];
    for (int t = 0; t < FRAMES; t++) {
      field.next(u, v, amplitude, re, im);
      psf.apply(re, im);
      receiver.detect(re, im, envelopes[t]);
    }
    return envelopes;
  }

  /** Samples of a patch at mid-depth, away from the fan's edges. */
  private static int[] patch() {
    int[] patch = new int[40 * 80];
    int n = 0;
    for (int i = 50; i < 90; i++) {
      for (int j = 40; j < 120; j++) {
        patch[n++] = i * GRID.beams() + j;
      }
    }
    return patch;
  }

  private static double correlation(float[] a, float[] b) {
    int[] patch = patch();
    double[] x = new double[patch.length];
    double[] y = new double[patch.length];
    for (int n = 0; n < patch.length; n++) {
      x[n] = a[patch[n]];
      y[n] = b[patch[n]];
    }
    return LabelInPixelsTest.pearson(x, y);
  }
}
