package echobench.models.bench;

import echobench.models.encoder.VitConfig;
import echobench.models.pretrain.PredictorSpec;

/**
 * Analytic floating-point operation counts of the matrix products in the ViT and its predictor (2
 * operations per multiply-add; element-wise work is not counted, so an achieved rate computed from
 * these counts is a lower bound of the machine's work).
 *
 * <p>A training pass costs three times its forward products (forward, input gradient, weight
 * gradient), except the tubelet embedding whose input needs no gradient (twice).
 */
public final class MatmulFlops {
  private MatmulFlops() {}

  /** One transformer block's forward products over {@code n} tokens of width {@code d}. */
  public static double block(long n, long d, long hidden) {
    double linear = 2.0 * n * d * (3 * d) + 2.0 * n * d * d + 2.0 * 2 * n * d * hidden;
    double attention = 2.0 * 2 * n * n * d; // q·kᵀ and weights·v over all heads
    return linear + attention;
  }

  /** The tubelet embedding of {@code allTokens} tokens. */
  public static double embedding(VitConfig c, long allTokens) {
    return 2.0 * allTokens * c.tokenValues() * c.embedDim();
  }

  /** The encoder's blocks over {@code n} kept tokens (embedding excluded). */
  public static double encoderBlocks(VitConfig c, long n) {
    return c.depth() * block(n, c.embedDim(), c.mlpHidden());
  }

  /** A predictor's forward products: {@code context} visible and {@code targets} hidden tokens. */
  public static double predictor(PredictorSpec p, long inDim, long outDim, long context, long targets) {
    long n = context + targets;
    return 2.0 * context * inDim * p.width()
        + p.depth() * block(n, p.width(), 4L * p.width())
        + 2.0 * targets * p.width() * outDim;
  }

  /** An inference forward pass of a batch: embedding plus blocks over every token. */
  public static double inference(VitConfig c, long batch, long tokens) {
    return batch * (embedding(c, tokens) + encoderBlocks(c, tokens));
  }

  /**
   * One JEPA step of a batch: the target encoder's forward on every token, then for each mask the
   * context encoder and predictor trained (forward and backward).
   *
   * @param contexts visible tokens per clip for each mask
   * @param targets hidden tokens per clip for each mask
   */
  public static double jepaStep(
      VitConfig c, PredictorSpec p, long batch, long tokens, int[] contexts, int[] targets) {
    double total = inference(c, batch, tokens);
    for (int k = 0; k < contexts.length; k++) {
      total += batch * (2 * embedding(c, tokens) + 3 * encoderBlocks(c, contexts[k]));
      total += batch * 3 * predictor(p, c.embedDim(), c.embedDim(), contexts[k], targets[k]);
    }
    return total;
  }
}
