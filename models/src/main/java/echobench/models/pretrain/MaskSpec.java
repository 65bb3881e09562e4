package echobench.models.pretrain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One multiblock mask configuration of V-JEPA: {@code blocks} 3-D blocks per clip, each covering
 * {@code spatialScale} of the frame's token grid with an aspect ratio (height/width) drawn from
 * {@code [aspectMin, aspectMax]}, spanning {@code temporalScale} of the frames. Block size is drawn
 * once per batch, positions per clip.
 */
public record MaskSpec(
    @JsonProperty("blocks") int blocks,
    @JsonProperty("spatial_scale") double spatialScale,
    @JsonProperty("aspect_min") double aspectMin,
    @JsonProperty("aspect_max") double aspectMax,
    @JsonProperty("temporal_scale") double temporalScale) {

  /** V-JEPA's pair: 8 short-range blocks of scale 0.15 and 2 long-range blocks of scale 0.7. */
  public static final List<MaskSpec> VJEPA =
      List.of(new MaskSpec(8, 0.15, 0.75, 1.5, 1.0), new MaskSpec(2, 0.7, 0.75, 1.5, 1.0));

  /** Validates the configuration. */
  public MaskSpec {
    if (blocks <= 0) {
      throw new IllegalArgumentException("mask blocks must be positive");
    }
    if (!(spatialScale > 0 && spatialScale <= 1) || !(temporalScale > 0 && temporalScale <= 1)) {
      throw new IllegalArgumentException("mask scales must lie in (0, 1]");
    }
    if (!(aspectMin > 0 && aspectMin <= aspectMax)) {
      throw new IllegalArgumentException("mask aspect needs 0 < aspect_min <= aspect_max");
    }
  }
}
