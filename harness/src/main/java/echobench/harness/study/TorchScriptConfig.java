package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.encoder.Normalization;

/**
 * An encoder exported from PyTorch as TorchScript (EchoPrime, PanEcho, VideoMAE, …).
 *
 * @param file the {@code .pt} file, relative to the config's folder
 * @param normalization its pixel statistics: {@code imagenet}, {@code panecho}, {@code echoprime}
 *     or {@code none} (default imagenet)
 * @param frames frames per clip it takes
 * @param resolution square frame side it takes
 */
public record TorchScriptConfig(
    @JsonProperty("file") String file,
    @JsonProperty("normalization") String normalization,
    @JsonProperty("frames") Integer frames,
    @JsonProperty("resolution") Integer resolution) {

  /** Checks the values and fills the normalisation. */
  public TorchScriptConfig {
    if (file == null || frames == null || resolution == null) {
      throw new IllegalArgumentException("torchscript needs file, frames and resolution");
    }
    normalization = normalization == null ? Normalization.IMAGENET.name() : normalization;
    Normalization.named(normalization);
    if (frames < 1 || resolution < 1) {
      throw new IllegalArgumentException("torchscript frames and resolution must be positive");
    }
  }
}
