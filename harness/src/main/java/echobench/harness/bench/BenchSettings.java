package echobench.harness.bench;

import java.time.Duration;

/**
 * How carefully {@link ThroughputMeter} measures: how long it warms the JIT up, how many timed
 * iterations it takes, and how long each iteration lasts at least (short operations are repeated
 * within an iteration so that timer resolution does not matter).
 *
 * @param warmup time spent running the operation before measuring
 * @param iterations number of timed iterations; the median is reported
 * @param minIterationTime the least duration of one timed iteration
 */
public record BenchSettings(Duration warmup, int iterations, Duration minIterationTime) {

  /** The settings of {@code echobench bench}: 0.5 s warm-up, 9 iterations of at least 50 ms. */
  public static final BenchSettings DEFAULT =
      new BenchSettings(Duration.ofMillis(500), 9, Duration.ofMillis(50));

  public BenchSettings {
    if (warmup.isNegative() || iterations < 1 || minIterationTime.isNegative()) {
      throw new IllegalArgumentException(
          "bench settings need warm-up ≥ 0, iterations ≥ 1, iteration time ≥ 0");
    }
  }
}
