package echobench.models.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.encoder.VitConfig;

/**
 * The content of a checkpoint's {@code model.json}: a format tag, the encoder architecture and the
 * training provenance.
 */
public record ModelDescription(
    @JsonProperty("format") String format,
    @JsonProperty("architecture") VitConfig architecture,
    @JsonProperty("training") Provenance training) {
  /** The format tag of this version of the checkpoint layout. */
  public static final String FORMAT = "echobench-vit/1";
  /** Widest token width loaded (V-JEPA 2's giant encoder is 1408 wide). */
  public static final int MAX_EMBED_DIM = 4096;
  /** Most transformer blocks loaded (V-JEPA 2's giant encoder has 40). */
  public static final int MAX_DEPTH = 48;
  /** Largest MLP ratio loaded. */
  public static final double MAX_MLP_RATIO = 8;
  /** Most frames of the default input. */
  public static final int MAX_FRAMES = 256;
  /** Largest side of the default input, in pixels. */
  public static final int MAX_RESOLUTION = 1024;

  /**
   * What in {@code architecture} lies beyond the sizes a checkpoint may declare, or {@code null}
   * when it is within them: a description declaring a giant model is refused before any weight is
   * allocated.
   */
  public static String checkBounds(VitConfig architecture) {
    if (architecture.embedDim() > MAX_EMBED_DIM) {
      return "embed_dim " + architecture.embedDim() + " exceeds " + MAX_EMBED_DIM;
    }
    if (architecture.depth() > MAX_DEPTH) {
      return "depth " + architecture.depth() + " exceeds " + MAX_DEPTH;
    }
    if (architecture.mlpRatio() > MAX_MLP_RATIO) {
      return "mlp_ratio " + architecture.mlpRatio() + " exceeds " + MAX_MLP_RATIO;
    }
    if (architecture.frames() > MAX_FRAMES) {
      return "frames " + architecture.frames() + " exceeds " + MAX_FRAMES;
    }
    if (architecture.resolution() > MAX_RESOLUTION) {
      return "resolution " + architecture.resolution() + " exceeds " + MAX_RESOLUTION;
    }
    return null;
  }
}
