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
}
