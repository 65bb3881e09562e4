package echobench.models.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import echobench.models.encoder.RotaryPositions3d;
import echobench.models.encoder.TokenGrid;
import echobench.models.nn.LayerNorm;
import echobench.models.nn.Linear;
import echobench.models.nn.Module;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.TokenRotation;
import echobench.models.nn.TransformerBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A narrow transformer that predicts hidden tokens from visible ones: the JEPA predictor (prefix
 * {@code predictor}, output in the encoder's feature space) and the MAE decoder (prefix {@code
 * decoder}, output in pixel space) are both this network.
 *
 * <p>The context tokens are projected to the narrow width ({@code <prefix>_embed}), learnable mask
 * tokens ({@code mask_tokens.k}, zero at start as in V-JEPA) stand at the hidden positions, all of
 * them pass through {@code <prefix>_blocks.i} with 3-D rotary positions of their grid ids, then
 * {@code <prefix>_norm}, and the hidden positions are projected out by {@code <prefix>_proj}.
 */
public final class TokenPredictor extends Module {
  private final Linear embed;
  private final List<NDArray> maskTokens = new ArrayList<>();
  private final List<TransformerBlock> blocks = new ArrayList<>();
  private final LayerNorm norm;
  private final Linear proj;
  private final int width;
  private final int headDim;
  private final Map<TokenGrid, RotaryPositions3d> rotaryTables = new ConcurrentHashMap<>();

  /**
   * A predictor {@code inDim → width (depth blocks, heads) → outDim} with {@code maskTokens}
   * distinct learnable mask tokens (one per mask configuration).
   */
  public TokenPredictor(
      ParameterFactory factory,
      String prefix,
      int inDim,
      PredictorSpec spec,
      int outDim,
      int maskTokenCount) {
    this.width = spec.width();
    this.headDim = spec.width() / spec.heads();
    this.embed = child(prefix + "_embed", new Linear(factory, inDim, width));
    MaskTokens tokens = child("mask_tokens", new MaskTokens(factory, width, maskTokenCount));
    maskTokens.addAll(tokens.tokens);
    for (int i = 0; i < spec.depth(); i++) {
      blocks.add(
          child(
              prefix + "_blocks." + i,
              new TransformerBlock(factory, width, spec.heads(), 4 * width, i + 1)));
    }
    this.norm = child(prefix + "_norm", new LayerNorm(factory, width));
    this.proj = child(prefix + "_proj", new Linear(factory, width, outDim));
  }

  /**
   * Predicts the hidden tokens.
   *
   * @param context encoded visible tokens {@code [B, Kc, inDim]}
   * @param contextIds their grid ids per sample
   * @param targetIds the grid ids to predict per sample
   * @param maskToken which learnable mask token to place at the hidden positions
   * @param grid the clip's token grid
   * @return {@code [B, Kt, outDim]} in {@code targetIds} order
   */
  public NDArray forward(
      NDArray context, int[][] contextIds, int[][] targetIds, int maskToken, TokenGrid grid) {
    long b = context.getShape().get(0);
    int kc = contextIds[0].length;
    int kt = targetIds[0].length;
    NDArray visible = embed.forward(context);
    NDArray hidden = maskTokens.get(maskToken).broadcast(new Shape(b, kt, width));
    NDArray x = NDArrays.concat(new NDList(visible, hidden), 1);
    int[][] ids = new int[(int) b][kc + kt];
    for (int i = 0; i < b; i++) {
      System.arraycopy(contextIds[i], 0, ids[i], 0, kc);
      System.arraycopy(targetIds[i], 0, ids[i], kc, kt);
    }
    TokenRotation rotation =
        rotaryTables
            .computeIfAbsent(grid, g -> new RotaryPositions3d(headDim, g))
            .forTokens(context.getManager(), ids);
    for (TransformerBlock block : blocks) {
      x = block.forward(x, rotation, null);
    }
    x = norm.forward(x).get(":, " + kc + ":, :");
    return proj.forward(x);
  }

  /** The learnable mask tokens, named {@code 0..k−1}, each {@code [1, 1, width]}. */
  private static final class MaskTokens extends Module {
    private final List<NDArray> tokens = new ArrayList<>();

    MaskTokens(ParameterFactory factory, int width, int count) {
      for (int k = 0; k < count; k++) {
        tokens.add(parameter(Integer.toString(k), factory.zeros(new Shape(1, 1, width))));
      }
    }
  }
}
