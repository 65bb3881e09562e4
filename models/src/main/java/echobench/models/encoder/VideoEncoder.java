package echobench.models.encoder;

import ai.djl.ndarray.NDArray;

/**
 * A frozen video encoder: a batch of clips in, a sequence of feature tokens per clip out.
 *
 * <p>Input {@code [B, 3, T, H, W]} normalised as {@link #inputSpec()} declares (build it with {@link
 * InputSpec#toBatch}); output {@code [B, N, D]} with {@code D = }{@link #embedDim()}. An encoder with a
 * pooled output returns one token ({@code N = 1}). Results belong to the input's manager. Closing
 * releases the weights.
 */
public interface VideoEncoder extends AutoCloseable {
  /** The frames, resolution and normalisation this encoder expects. */
  InputSpec inputSpec();

  /** The width {@code D} of each output token. */
  int embedDim();

  /** Encodes {@code clips} {@code [B, 3, T, H, W]} into tokens {@code [B, N, D]}, without gradients. */
  NDArray encode(NDArray clips);

  /** Releases the encoder's weights. */
  @Override
  void close();
}
