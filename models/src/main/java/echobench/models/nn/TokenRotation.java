package echobench.models.nn;

import ai.djl.ndarray.NDArray;

/**
 * A position-dependent transformation applied to queries and keys inside {@link Attention} after the
 * heads are split: the hook through which rotary position embeddings enter. Implementations are built
 * per forward pass for the positions of the tokens actually present (a context encoder sees only a
 * subset of the grid).
 */
@FunctionalInterface
public interface TokenRotation {
  /**
   * Rotates {@code x} of shape {@code [B, heads, N, headDim]} and returns an array of the same shape.
   */
  NDArray rotate(NDArray x);
}
