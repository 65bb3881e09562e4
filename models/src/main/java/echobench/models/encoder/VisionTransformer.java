package echobench.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.models.nn.LayerNorm;
import echobench.models.nn.Module;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.TokenRotation;
import echobench.models.nn.TransformerBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in video encoder, V-JEPA 2's vision transformer: tubelet embedding, pre-norm blocks
 * with 3-D rotary positions in every attention, and a final layer norm. Parameter names are
 * V-JEPA's ({@code patch_embed.proj.weight}, {@code blocks.i.*}, {@code norm.*}).
 *
 * <p>Under {@link VitConfig.Positions#SINCOS} there is no rotation; instead a {@code pos_embed}
 * table {@code [1, N, D]} for the default grid (initialised by {@link SincosPositions3d}, replaced by
 * a checkpoint's own) is added to the tokens after the embedding and resized for other grids as
 * upstream does. It is registered as a parameter so that it loads and saves with the rest (EchoBench
 * pretrains rotary ViTs only).
 *
 * <p>Rotary positions make the model resolution-agnostic: any clip whose size tiles into tubelets is
 * accepted. {@link #forward(NDArray, int[][])} can keep only some tokens per sample after the
 * embedding, which is how a JEPA or MAE context encoder sees the visible part of a clip.
 */
public final class VisionTransformer extends Module implements VideoEncoder {
  private final VitConfig config;
  private final NDArray posEmbed;
  private final TubeletEmbedding patchEmbed;
  private final List<TransformerBlock> blocks = new ArrayList<>();
  private final LayerNorm norm;
  private final Map<TokenGrid, RotaryPositions3d> rotaryTables = new ConcurrentHashMap<>();

  /** A freshly initialised encoder with {@code config}'s architecture. */
  public VisionTransformer(ParameterFactory factory, VitConfig config) {
    this.config = config;
    if (config.positions() == VitConfig.Positions.SINCOS) {
      TokenGrid grid = config.defaultGrid();
      this.posEmbed =
          parameter(
              "pos_embed",
              factory
                  .manager()
                  .create(
                      SincosPositions3d.table(config.embedDim(), grid),
                      new Shape(1, grid.size(), config.embedDim())));
    } else {
      this.posEmbed = null;
    }
    this.patchEmbed = child("patch_embed", new TubeletEmbedding(factory, config));
    for (int i = 0; i < config.depth(); i++) {
      blocks.add(
          child(
              "blocks." + i,
              new TransformerBlock(
                  factory, config.embedDim(), config.heads(), config.mlpHidden(), i + 1)));
    }
    this.norm = child("norm", new LayerNorm(factory, config.embedDim()));
  }

  /** The architecture. */
  public VitConfig config() {
    return config;
  }

  @Override
  public InputSpec inputSpec() {
    return InputSpec.imagenet(config.frames(), config.resolution(), config.resolution());
  }

  @Override
  public int embedDim() {
    return config.embedDim();
  }

  @Override
  public NDArray encode(NDArray clips) {
    return forward(clips, null);
  }

  /** The token grid of {@code clips} {@code [B, 3, T, H, W]}. */
  public TokenGrid gridOf(NDArray clips) {
    Shape s = clips.getShape();
    return config.grid((int) s.get(2), (int) s.get(3), (int) s.get(4));
  }

  /** The rotary tables for a grid (cached). */
  public RotaryPositions3d rotary(TokenGrid grid) {
    return rotaryTables.computeIfAbsent(grid, g -> new RotaryPositions3d(config.headDim(), g));
  }

  /**
   * Encodes {@code clips} {@code [B, 3, T, H, W]}.
   *
   * @param keep grid ids of the tokens to keep per sample (equal counts), or null for all tokens
   * @return normed tokens {@code [B, K, D]} in {@code keep} order, or {@code [B, N, D]} in grid order
   */
  public NDArray forward(NDArray clips, int[][] keep) {
    TokenGrid grid = gridOf(clips);
    NDManager m = clips.getManager();
    NDArray x = patchEmbed.forward(clips);
    TokenRotation rotation = null;
    if (posEmbed != null) {
      x = x.add(positions(grid, m));
      if (keep != null) {
        x = selectTokens(x, keep);
      }
    } else if (keep == null) {
      rotation = rotary(grid).forAllTokens(m);
    } else {
      x = selectTokens(x, keep);
      rotation = rotary(grid).forTokens(m, keep);
    }
    for (TransformerBlock block : blocks) {
      x = block.forward(x, rotation, null);
    }
    return norm.forward(x);
  }

  /** The sincos table for {@code grid}: {@code pos_embed} itself or its resized copy in {@code m}. */
  private NDArray positions(TokenGrid grid, NDManager m) {
    TokenGrid own = config.defaultGrid();
    if (grid.equals(own)) {
      return posEmbed;
    }
    float[] resized =
        SincosPositions3d.resize(posEmbed.toFloatArray(), config.embedDim(), own, grid);
    return m.create(resized, new Shape(1, grid.size(), config.embedDim()));
  }

  /** Gathers {@code ids[b]} from {@code tokens[b]}: {@code [B, N, D]} → {@code [B, K, D]}. */
  public static NDArray selectTokens(NDArray tokens, int[][] ids) {
    Shape s = tokens.getShape();
    long b = s.get(0);
    long n = s.get(1);
    long d = s.get(2);
    int k = ids[0].length;
    long[] flat = new long[Math.toIntExact(b * k)];
    for (int i = 0; i < b; i++) {
      if (ids[i].length != k) {
        throw new IllegalArgumentException("every sample needs the same number of tokens");
      }
      for (int j = 0; j < k; j++) {
        flat[i * k + j] = i * n + ids[i][j];
      }
    }
    NDArray index = tokens.getManager().create(flat);
    return tokens.reshape(b * n, d).get(index).reshape(b, k, d);
  }

  /** Frees the weights. */
  @Override
  public void close() {
    parameters().values().forEach(NDArray::close);
  }
}
