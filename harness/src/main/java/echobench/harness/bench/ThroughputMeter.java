package echobench.harness.bench;

import echobench.perturb.Clip;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A careful single-thread micro-benchmark: calibrates how many calls make one iteration last
 * {@link BenchSettings#minIterationTime()}, warms up for {@link BenchSettings#warmup()}, re-calibrates
 * on the warmed-up code, then times {@link BenchSettings#iterations()} iterations and reports the
 * median rate with the slowest and fastest. Every result is folded into a field so the JIT cannot
 * discard the work.
 */
public final class ThroughputMeter {
  private static final long MAX_CALLS_PER_ITERATION = 1_000_000;

  private final BenchSettings settings;
  private float sink;

  public ThroughputMeter(BenchSettings settings) {
    this.settings = settings;
  }

  /**
   * Measures {@code operation}, which processes {@code voxels} voxels per call.
   *
   * @param name the name reported
   * @param size the clip shape reported
   */
  public Throughput measure(String name, String size, long voxels, Supplier<Clip> operation) {
    long calls = callsPerIteration(time(operation, 1));
    long warmupEnd = System.nanoTime() + settings.warmup().toNanos();
    do {
      time(operation, calls);
    } while (System.nanoTime() < warmupEnd);
    calls = callsPerIteration(time(operation, 1));
    double[] rates = new double[settings.iterations()];
    for (int i = 0; i < rates.length; i++) {
      long nanos = time(operation, calls);
      rates[i] = calls * (double) voxels * 1e9 / nanos;
    }
    Arrays.sort(rates);
    return new Throughput(name, size, median(rates), rates[0], rates[rates.length - 1]);
  }

  /** The median of sorted values. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private long callsPerIteration(long nanosPerCall) {
    long wanted = settings.minIterationTime().toNanos();
    long calls = (wanted + nanosPerCall - 1) / nanosPerCall;
    return Math.max(1, Math.min(MAX_CALLS_PER_ITERATION, calls));
  }

  private long time(Supplier<Clip> operation, long calls) {
    long start = System.nanoTime();
    for (long c = 0; c < calls; c++) {
      float[] out = operation.get().data();
      sink += out[(int) (c % out.length)];
    }
    return Math.max(1, System.nanoTime() - start);
  }

  /** A value depending on every result, so none of the work is dead. */
  float sink() {
    return sink;
  }
}
