package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Creates initialised float32 parameters in one long-lived manager from one seeded random stream, so
 * that the same seed gives bit-identical models on every machine and device (the numbers are drawn
 * in Java, not by the engine).
 *
 * <p>Construction order decides which draws a parameter gets: build modules in a fixed order.
 */
public final class ParameterFactory {
  private final NDManager manager;
  private final Random random;

  /** A factory creating arrays in {@code manager}, drawing from a stream seeded by {@code seed}. */
  public ParameterFactory(NDManager manager, long seed) {
    this.manager = manager;
    this.random = new Random(seed);
  }

  /** The manager that owns every parameter this factory creates. */
  public NDManager manager() {
    return manager;
  }

  /**
   * A normal(0, std) draw truncated at ±2 standard deviations (redrawn outside), the ViT/V-JEPA
   * initialisation of linear weights and learnable tokens.
   */
  public NDArray truncatedNormal(Shape shape, double std) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      double z;
      do {
        z = random.nextGaussian();
      } while (Math.abs(z) > 2.0);
      values[i] = (float) (z * std);
    }
    return manager.create(values, shape);
  }

  /** A uniform(−bound, bound) draw. */
  public NDArray uniform(Shape shape, double bound) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return manager.create(values, shape);
  }

  /** An array filled with {@code value}. */
  public NDArray constant(Shape shape, float value) {
    float[] values = new float[Math.toIntExact(shape.size())];
    java.util.Arrays.fill(values, value);
    return manager.create(values, shape);
  }

  /** An all-zero array. */
  public NDArray zeros(Shape shape) {
    return constant(shape, 0f);
  }

  /** An all-one array. */
  public NDArray ones(Shape shape) {
    return constant(shape, 1f);
  }
}
