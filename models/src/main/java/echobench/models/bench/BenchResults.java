package echobench.models.bench;

import java.util.List;

/** The records a {@link ModelBench} produces. */
public final class BenchResults {
  private BenchResults() {}

  /**
   * DJL's own large square matrix product: the practical ceiling of this machine.
   *
   * @param size the side {@code n} of the {@code n×n} float32 matrices
   * @param gflops achieved GFLOP/s ({@code 2n³} per product)
   */
  public record MatmulCeiling(int size, double gflops) {}

  /**
   * Throughput of JEPA pretraining steps.
   *
   * @param size ViT size
   * @param batch clips per step
   * @param tokens tokens per clip
   * @param stepsPerSecond steps per second
   * @param gflopPerStep analytic matrix-product GFLOP per step (average over the measured steps)
   * @param gflops achieved GFLOP/s
   * @param ceilingFraction {@code gflops} over the matmul ceiling
   */
  public record Training(
      String size, int batch, int tokens, double stepsPerSecond, double gflopPerStep, double gflops,
      double ceilingFraction) {}

  /**
   * Throughput of frozen feature extraction.
   *
   * @param size ViT size
   * @param batch clips per forward pass
   * @param clipsPerSecond clips per second
   * @param gflops achieved GFLOP/s
   * @param ceilingFraction {@code gflops} over the matmul ceiling
   */
  public record Inference(String size, int batch, double clipsPerSecond, double gflops, double ceilingFraction) {}

  /**
   * A whole benchmark.
   *
   * @param device the device measured
   * @param frames frames per clip
   * @param resolution pixels per frame side
   * @param ceiling the matmul ceiling
   * @param training one row per size
   * @param inference one row per size
   */
  public record Report(
      String device, int frames, int resolution, MatmulCeiling ceiling, List<Training> training,
      List<Inference> inference) {}
}
