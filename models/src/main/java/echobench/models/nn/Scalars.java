package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for arithmetic that autograd records.
 *
 * <p>DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code minimum(Number)} and the like
 * wrap the number in a tensor that aliases a Java direct buffer, then close that wrapper as soon as
 * the operation returns. Autograd keeps the tensor for the backward pass (the gradient of {@code
 * x·c} needs {@code c}); once the wrapper is closed nothing on the Java side holds the buffer, so a
 * garbage collection between forward and backward frees memory the gradient still reads. Training
 * then silently depends on when the collector runs (measured: the gradient of {@code 0.5·x} came out
 * as −2.4e30). A scalar made here is allocated by libtorch, so autograd's reference keeps it valid.
 * Outside a gradient collector the {@code Number} overloads are safe and stay in use.
 */
public final class Scalars {
  private Scalars() {}

  /**
   * A zero-dimensional array holding {@code value} in {@code like}'s data type, owned by {@code
   * like}'s manager and by libtorch's allocator.
   */
  public static NDArray like(NDArray like, double value) {
    return like.getManager().full(new Shape(), (float) value, like.getDataType());
  }
}
