package echobench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.metrics.Metric;
import echobench.reports.metrics.Scored;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
  private static final int N = 60;

  @Test
  void theIntervalContainsTheEstimateAndIsTheSameForTheSameSeed() {
    double[] target = targets();
    double[] prediction = noisy(target, 5.0, 3);
    ConfidenceInterval first = bootstrap(42).interval(Metric.MAE, target, prediction);
    ConfidenceInterval again = bootstrap(42).interval(Metric.MAE, target, prediction);
    ConfidenceInterval other = bootstrap(43).interval(Metric.MAE, target, prediction);

    assertThat(first.estimate()).isEqualTo(Metric.MAE.compute(target, prediction));
    assertThat(first.contains(first.estimate())).isTrue();
    assertThat(first.low()).isLessThan(first.high());
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void indexSetsDependOnTheVideoSetNotItsOrder() {
    List<String> shuffled = new ArrayList<>(videos());
    Collections.shuffle(shuffled, new java.util.Random(1));
    double[] values = noisy(targets(), 1.0, 9);
    assertThat(new PairedBootstrap(shuffled, BootstrapSettings.withSeed(7)).meanInterval(values))
        .isEqualTo(bootstrap(7).meanInterval(values));
    assertThat(new PairedBootstrap(shuffled, BootstrapSettings.withSeed(7)).videos())
        .isEqualTo(videos());
  }

  @Test
  void modelsArePairedBecauseTheyShareIndexSets() {
    // B's errors are A's plus a constant 0.5: with shared resamples every replicate of the mean
    // difference is exactly −0.5, so the interval collapses onto it.
    double[] a = noisy(targets(), 4.0, 5);
    double[] b = a.clone();
    for (int i = 0; i < b.length; i++) {
      b[i] += 0.5;
    }
    ModelComparison c = PairedComparison.compare(bootstrap(11), a, b);
    assertThat(c.meanErrorDifference().low()).isCloseTo(-0.5, within(1e-9));
    assertThat(c.meanErrorDifference().high()).isCloseTo(-0.5, within(1e-9));
    assertThat(c.n()).isEqualTo(N);
  }

  @Test
  void classProbabilitiesAreResampledWithTheirVideos() {
    // Three classes in turn; each video's own class gets probability 0.6 + 0.3 * (its rank among
    // its class), the others share the rest: every class's probability ranks its own videos above
    // all others, so the macro AUROC is 1 on every resample that keeps rows together, and the
    // interval collapses onto 1. Rows torn apart would rank wrongly and pull the low end down.
    double[] targets = new double[N];
    double[][] scores = new double[N][];
    for (int i = 0; i < N; i++) {
      int c = i % 3;
      double own = 0.6 + 0.3 * i / N;
      targets[i] = c;
      scores[i] = new double[3];
      for (int k = 0; k < 3; k++) {
        scores[i][k] = k == c ? own : (1 - own) / 2;
      }
    }
    Scored scored = new Scored(targets, targets.clone(), scores);
    ConfidenceInterval ci = bootstrap(3).interval(Metric.MACRO_AUROC, scored);
    assertThat(ci.estimate()).isEqualTo(1.0);
    assertThat(ci.low()).isEqualTo(1.0);
    assertThat(ci.high()).isEqualTo(1.0);
  }

  @Test
  void percentileEndsFollowTheLevel() {
    double[] values = noisy(targets(), 10.0, 2);
    PairedBootstrap narrow = new PairedBootstrap(videos(), new BootstrapSettings(500, 1, 0.5));
    PairedBootstrap wide = new PairedBootstrap(videos(), new BootstrapSettings(500, 1, 0.99));
    ConfidenceInterval n = narrow.meanInterval(values);
    ConfidenceInterval w = wide.meanInterval(values);
    assertThat(w.low()).isLessThan(n.low());
    assertThat(w.high()).isGreaterThan(n.high());
  }

  @Test
  void rejectsMisalignedArraysAndRepeatedVideos() {
    assertThatThrownBy(() -> bootstrap(1).meanInterval(new double[N - 1]))
        .hasMessageContaining(N - 1 + " per-video values for " + N + " videos");
    assertThatThrownBy(() -> new PairedBootstrap(List.of("a", "a"), BootstrapSettings.withSeed(1)))
        .hasMessageContaining("repeats");
  }

  private static PairedBootstrap bootstrap(long seed) {
    return new PairedBootstrap(videos(), BootstrapSettings.withSeed(seed));
  }

  private static List<String> videos() {
    List<String> videos = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      videos.add(String.format("v%03d", i));
    }
    return videos;
  }

  private static double[] targets() {
    double[] t = new double[N];
    for (int i = 0; i < N; i++) {
      t[i] = 20 + i;
    }
    return t;
  }

  private static double[] noisy(double[] base, double spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = base.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += spread * (random.nextDouble() - 0.5);
    }
    return out;
  }
}
