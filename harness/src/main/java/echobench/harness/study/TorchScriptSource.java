package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.Normalization;
import echobench.models.encoder.TorchScriptEncoder;
import echobench.reports.io.Sha256;
import java.nio.file.Path;
import java.util.Map;

/**
 * An encoder exported from PyTorch as TorchScript (EchoPrime, PanEcho, VideoMAE, …), fed the
 * frames and resolution it declares; its {@link ExportManifest} must agree with this entry and
 * with the SHA-256 of the file.
 *
 * @param file the {@code .pt} file, relative to the config's folder
 * @param normalization its pixel statistics: {@code imagenet}, {@code panecho}, {@code echoprime}
 *     or {@code none} (default imagenet)
 * @param frames frames per clip it takes
 * @param resolution square frame side it takes
 */
public record TorchScriptSource(
    @JsonProperty("file") String file,
    @JsonProperty("normalization") String normalization,
    @JsonProperty("frames") Integer frames,
    @JsonProperty("resolution") Integer resolution) implements ModelSource {

  /** The weights kind of a TorchScript export in its manifest. */
  static final String WEIGHTS_KIND = "torchscript";

  /** Checks the values and fills the normalisation. */
  public TorchScriptSource {
    if (file == null || frames == null || resolution == null) {
      throw new IllegalArgumentException("torchscript needs file, frames and resolution");
    }
    normalization = normalization == null ? Normalization.IMAGENET.name() : normalization;
    Normalization.named(normalization);
    if (frames < 1 || resolution < 1) {
      throw new IllegalArgumentException("torchscript frames and resolution must be positive");
    }
  }

  @Override
  public StudyEncoder load(String model, EncoderLoader loader, NDManager manager) {
    Path weights = loader.file(model, file);
    InputSpec spec = Normalization.named(normalization).spec(frames, resolution, resolution);
    String digest = Sha256.hexOfFile(weights);
    ExportManifest manifest = ExportManifest.read(weights, WEIGHTS_KIND, digest);
    manifest.requireInput(weights, spec);
    TorchScriptEncoder encoder = TorchScriptEncoder.load(weights, spec, loader.device());
    try {
      manifest.requireOutput(weights, encoder.tokens(), encoder.embedDim());
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
    String key = Fingerprint.of("torchscript").addJson(this).add(digest).hex();
    return new StudyEncoder(model, key, encoder, spec,
        loader.sampling().sampler(frames, resolution), Map.of(weights.toString(), digest));
  }
}
