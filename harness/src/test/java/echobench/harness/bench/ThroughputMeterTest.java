package echobench.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.perturb.Clip;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThroughputMeterTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(ThroughputMeter.median(new double[] {1, 2, 9})).isEqualTo(2);
    assertThat(ThroughputMeter.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
  }

  @Test
  void rateOfAnOperationOfKnownDurationIsVoxelsOverTime() {
    Clip clip = new Clip(new float[] {0.5f}, 1, 1, 1, 1, 1, "one");
    long voxels = 1_000;
    ThroughputMeter meter =
        new ThroughputMeter(new BenchSettings(Duration.ZERO, 3, Duration.ofMillis(6)));

    Throughput t = meter.measure("sleep", "1x1x1", voxels, () -> {
      sleep(Duration.ofMillis(2));
      return clip;
    });

    // Each call lasts at least 2 ms, so at most 1000 voxels / 2 ms = 500 000 voxels/s; scheduling
    // adds delay but not a factor of four.
    assertThat(t.voxelsPerSecond()).isBetween(125_000.0, 500_000.0);
    assertThat(t.slowest()).isLessThanOrEqualTo(t.voxelsPerSecond());
    assertThat(t.fastest()).isGreaterThanOrEqualTo(t.voxelsPerSecond());
    assertThat(t.name()).isEqualTo("sleep");
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
