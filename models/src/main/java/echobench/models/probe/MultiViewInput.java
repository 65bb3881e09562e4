package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.models.nn.Module;
import echobench.models.nn.ParameterFactory;
import java.util.Arrays;
import java.util.Random;

/**
 * The multi-view input of a probe (EchoJEPA's RVSP protocol): a sample's {@code views × clips}
 * token streams are concatenated into one sequence, each stream tagged by adding a learnable view
 * embedding and a learnable clip embedding to all its tokens; absent views are hidden from attention
 * by a key-padding mask; at train time each present view is dropped with a small probability.
 *
 * <p>Parameters: {@code view_embed} {@code [views, dim]} and {@code clip_embed} {@code [clips, dim]},
 * truncated-normal with std 0.02.
 */
public final class MultiViewInput extends Module {
  /** EchoJEPA's view dropout probability ({@code miss_augment_prob}). */
  public static final double VIEW_DROPOUT = 0.1;

  private final FeatureLayout layout;
  private final NDArray viewEmbed;
  private final NDArray clipEmbed;

  /** Embeddings for the streams of {@code layout}. */
  public MultiViewInput(ParameterFactory factory, FeatureLayout layout) {
    this.layout = layout;
    this.viewEmbed =
        parameter("view_embed", factory.truncatedNormal(new Shape(layout.views(), layout.dim()), 0.02));
    this.clipEmbed =
        parameter("clip_embed", factory.truncatedNormal(new Shape(layout.clips(), layout.dim()), 0.02));
  }

  /**
   * Adds each stream's view and clip embedding to its tokens.
   *
   * @param tokens {@code [B, views·clips·tokens, dim]}, streams in view-major order
   * @return the same shape
   */
  public NDArray embed(NDArray tokens) {
    long batch = tokens.getShape().get(0);
    int v = layout.views();
    int c = layout.clips();
    int d = layout.dim();
    NDArray streams = viewEmbed.reshape(v, 1, 1, d).add(clipEmbed.reshape(1, c, 1, d));
    return tokens
        .reshape(batch, v, c, layout.tokens(), d)
        .add(streams)
        .reshape(batch, (long) v * c * layout.tokens(), d);
  }

  /**
   * The key-padding mask of a batch: {@code [B, views·clips·tokens]}, true on every token of a view
   * that is absent from that row.
   */
  public static NDArray keyPaddingMask(
      NDManager manager, FeatureLayout layout, boolean[][] present) {
    int perView = layout.clips() * layout.tokens();
    int length = layout.views() * perView;
    boolean[] mask = new boolean[present.length * length];
    for (int b = 0; b < present.length; b++) {
      for (int view = 0; view < layout.views(); view++) {
        if (!present[b][view]) {
          Arrays.fill(mask, b * length + view * perView, b * length + (view + 1) * perView, true);
        }
      }
    }
    return manager.create(mask, new Shape(present.length, length));
  }

  /**
   * Train-time view dropout: each present view is dropped with probability {@code p}; when every
   * view would be dropped, one of them (chosen at random) is restored, so at least one stays.
   *
   * @return a new presence array; {@code present} is unchanged
   */
  public static boolean[] dropViews(boolean[] present, double p, Random random) {
    boolean[] kept = present.clone();
    int dropped = 0;
    int[] droppedViews = new int[present.length];
    for (int view = 0; view < present.length; view++) {
      if (present[view] && random.nextDouble() < p) {
        kept[view] = false;
        droppedViews[dropped++] = view;
      }
    }
    boolean any = false;
    for (boolean k : kept) {
      any |= k;
    }
    if (!any && dropped > 0) {
      kept[droppedViews[random.nextInt(dropped)]] = true;
    }
    return kept;
  }

  /** The layout whose streams this input embeds. */
  public FeatureLayout layout() {
    return layout;
  }
}
