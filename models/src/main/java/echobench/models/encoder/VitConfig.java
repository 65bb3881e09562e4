package echobench.models.encoder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The architecture of the built-in video ViT (V-JEPA 2 layout; 3-D rotary positions, or V-JEPA 1's
 * fixed 3-D sincos table added to the tokens).
 *
 * @param embedDim token width {@code D}
 * @param depth number of transformer blocks
 * @param heads attention heads per block ({@code D/heads} must be even under rotary positions)
 * @param mlpRatio MLP hidden width as a multiple of {@code D}
 * @param tubelet frames per token
 * @param patch pixels per token side
 * @param frames default frames per clip (the input spec)
 * @param resolution default square frame side in pixels (the input spec)
 * @param positions how tokens learn their place: {@code rope} (absent in older {@code model.json}
 *     files, which all describe rotary ViTs) or {@code sincos}
 */
public record VitConfig(
    @JsonProperty("embed_dim") int embedDim,
    @JsonProperty("depth") int depth,
    @JsonProperty("heads") int heads,
    @JsonProperty("mlp_ratio") double mlpRatio,
    @JsonProperty("tubelet") int tubelet,
    @JsonProperty("patch") int patch,
    @JsonProperty("frames") int frames,
    @JsonProperty("resolution") int resolution,
    @JsonProperty("positions")
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RotaryFilter.class)
        Positions positions) {

  /** The position encoding of a ViT. */
  public enum Positions {
    /** V-JEPA 2's 3-D rotary positions inside every attention ({@link RotaryPositions3d}). */
    @JsonProperty("rope")
    ROPE,
    /**
     * A {@code pos_embed} table {@code [1, N, D]} added to the tokens after the embedding, V-JEPA 1
     * and VideoMAE's fixed 3-D sincos positions ({@link SincosPositions3d}).
     */
    @JsonProperty("sincos")
    SINCOS
  }

  /** A rotary ViT (the positions of every named size and of every EchoBench-trained checkpoint). */
  public VitConfig(
      int embedDim, int depth, int heads, double mlpRatio, int tubelet, int patch, int frames,
      int resolution) {
    this(embedDim, depth, heads, mlpRatio, tubelet, patch, frames, resolution, Positions.ROPE);
  }

  /** The named sizes, smallest first: three small sizes for CPU work, then V-JEPA's. */
  public static final List<String> SIZES =
      List.of("micro", "mini", "mini-wide", "tiny", "small", "base", "large");

  /**
   * Leaves {@code positions: rope} out of written descriptions, so that a rotary checkpoint's
   * {@code model.json} stays byte-identical to those written before sincos positions existed.
   */
  static final class RotaryFilter {
    @Override
    public boolean equals(Object value) {
      return value == Positions.ROPE;
    }

    @Override
    public int hashCode() {
      return Positions.ROPE.hashCode();
    }
  }

  /** Validates the architecture; absent {@code positions} means rotary. */
  @JsonCreator
  public VitConfig {
    positions = positions == null ? Positions.ROPE : positions;
    if (embedDim <= 0 || depth <= 0 || heads <= 0 || embedDim % heads != 0) {
      throw new IllegalArgumentException(
          "embed_dim " + embedDim + " must be positive and divisible by heads " + heads);
    }
    if (positions == Positions.ROPE && (embedDim / heads) % 2 != 0) {
      throw new IllegalArgumentException(
          "head width embed_dim/heads must be even under rotary positions");
    }
    if (positions == Positions.SINCOS && embedDim % 8 != 0) {
      throw new IllegalArgumentException(
          "embed_dim " + embedDim + " must be a multiple of 8 for 3-D sincos positions");
    }
    if (!(mlpRatio > 0) || tubelet <= 0 || patch <= 0) {
      throw new IllegalArgumentException("mlp_ratio, tubelet and patch must be positive");
    }
    if (frames <= 0 || resolution <= 0 || frames % tubelet != 0 || resolution % patch != 0) {
      throw new IllegalArgumentException(
          "frames " + frames + " must be a multiple of tubelet " + tubelet + " and resolution "
              + resolution + " a multiple of patch " + patch);
    }
  }

  /**
   * A named size at V-JEPA's tokenisation (tubelet 2, patch 16) and 16 frames of 224 pixels: {@code
   * tiny} 192/12/3, {@code small} 384/12/6, {@code base} 768/12/12, {@code large} 1024/24/16; and
   * the small sizes for CPU work: {@code micro} 64/2/2 (tests), {@code mini} 128/4/4 (the model zoo)
   * and {@code mini-wide} 192/4/4, the widest four-block encoder under 10 MB of weights
   * (width/depth/heads).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static VitConfig named(String size) {
    return switch (size.toLowerCase(Locale.ROOT)) {
      case "micro" -> of(64, 2, 2);
      case "mini" -> of(128, 4, 4);
      case "mini-wide" -> of(192, 4, 4);
      case "tiny" -> of(192, 12, 3);
      case "small" -> of(384, 12, 6);
      case "base" -> of(768, 12, 12);
      case "large" -> of(1024, 24, 16);
      default -> throw new IllegalArgumentException("unknown ViT size '" + size + "' (known: " + SIZES + ")");
    };
  }

  private static VitConfig of(int width, int depth, int heads) {
    return new VitConfig(width, depth, heads, 4.0, 2, 16, 16, 224);
  }

  /** The same architecture with another default input. */
  public VitConfig withInput(int newFrames, int newResolution) {
    return new VitConfig(
        embedDim, depth, heads, mlpRatio, tubelet, patch, newFrames, newResolution, positions);
  }

  /** The same widths with another tokenisation. */
  public VitConfig withTokens(int newTubelet, int newPatch) {
    return new VitConfig(
        embedDim, depth, heads, mlpRatio, newTubelet, newPatch, frames, resolution, positions);
  }

  /** The same architecture with another position encoding. */
  public VitConfig withPositions(Positions newPositions) {
    return new VitConfig(
        embedDim, depth, heads, mlpRatio, tubelet, patch, frames, resolution, newPositions);
  }

  /** The head width {@code D/heads}. */
  public int headDim() {
    return embedDim / heads;
  }

  /** The MLP hidden width, {@code round(D·mlpRatio)}. */
  public int mlpHidden() {
    return (int) Math.round(embedDim * mlpRatio);
  }

  /** Values per token before embedding: {@code 3·tubelet·patch²}. */
  public int tokenValues() {
    return 3 * tubelet * patch * patch;
  }

  /** The token grid of a clip of the given size. */
  public TokenGrid grid(int clipFrames, int height, int width) {
    if (clipFrames % tubelet != 0 || height % patch != 0 || width % patch != 0) {
      throw new IllegalArgumentException(
          "clip " + clipFrames + "×" + height + "×" + width + " does not tile into " + tubelet + "×"
              + patch + "×" + patch + " tubelets");
    }
    return new TokenGrid(clipFrames / tubelet, height / patch, width / patch);
  }

  /** The token grid of the default input. */
  public TokenGrid defaultGrid() {
    return grid(frames, resolution, resolution);
  }
}
