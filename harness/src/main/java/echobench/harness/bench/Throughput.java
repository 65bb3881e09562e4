package echobench.harness.bench;

/**
 * The measured speed of one operation on one clip size, in voxels (values of {@code C×T×H×W})
 * processed per second of one thread.
 *
 * @param name the perturbation (or reference operation)
 * @param size the clip shape, {@code T×H×W} written {@code 16x112x112}
 * @param voxelsPerSecond the median over the timed iterations
 * @param slowest the slowest iteration's rate
 * @param fastest the fastest iteration's rate
 */
public record Throughput(
    String name, String size, double voxelsPerSecond, double slowest, double fastest) {}
