package echobench.harness.study;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import echobench.models.checkpoint.Checkpoint;
import echobench.models.checkpoint.ImportReport;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.VisionTransformer;
import echobench.reports.io.InputException;
import echobench.reports.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared infrastructure that turns a model entry of the config into a loaded {@link
 * StudyEncoder}: each {@link ModelSource} loads its own weights through it (the config's folder,
 * the zoo, the run's model cache, the study's sampling and device), and the built-in ViTs it
 * yields are checked against the sampling and fingerprinted here alike.
 *
 * <p>The cache is the run's: a run without {@code --resume} starts from an empty one.
 *
 * <p>Built-in ViTs are fed the study's sampling (rotary positions accept any clip that tiles into
 * tubelets); a TorchScript encoder is fed the frames and resolution it declares. An external model
 * (TorchScript or safetensors) must carry the {@link ExportManifest} its export wrote, agreeing
 * with the config and with the SHA-256 of its weights. Every weight file loaded is hashed for
 * {@code run.json}.
 */
final class EncoderLoader {
  private final Path configDir;
  private final ModelZoo zoo;
  private final Path modelCache;
  private final SamplingConfig sampling;
  private final Device device;
  private final Map<String, ImportReport> imports = new LinkedHashMap<>();

  /**
   * @param configDir the folder relative paths of the config are resolved against
   * @param zoo where {@code zoo:<name>} checkpoints are found
   * @param modelCache where pretrained checkpoints are kept
   * @param sampling the study's clip sampling
   * @param device where the encoders compute
   */
  EncoderLoader(Path configDir, ModelZoo zoo, Path modelCache, SamplingConfig sampling,
      Device device) {
    this.configDir = configDir;
    this.zoo = zoo;
    this.modelCache = modelCache;
    this.sampling = sampling;
    this.device = device;
  }

  /**
   * The import report of every safetensors model loaded so far, by model name, as plain maps for
   * {@code run.json}.
   */
  Map<String, Map<String, Object>> importReports() {
    Map<String, Map<String, Object>> reports = new LinkedHashMap<>();
    imports.forEach((name, report) -> reports.put(name, report.toMap()));
    return reports;
  }

  /** Loads {@code model} with its weights in {@code manager}. */
  StudyEncoder load(ModelConfig model, NDManager manager) {
    return model.source().load(model.name(), this, manager);
  }

  /** The folder relative paths of the config are resolved against. */
  Path configDir() {
    return configDir;
  }

  /** Where {@code zoo:<name>} checkpoints are found. */
  ModelZoo zoo() {
    return zoo;
  }

  /** Where pretrained checkpoints are kept. */
  Path modelCache() {
    return modelCache;
  }

  /** The study's clip sampling. */
  SamplingConfig sampling() {
    return sampling;
  }

  /** Where the encoders compute. */
  Device device() {
    return device;
  }

  /** The input a built-in ViT is fed: the study's sampling, ImageNet statistics. */
  InputSpec builtInInput() {
    return InputSpec.imagenet(sampling.frames(), sampling.resolution(), sampling.resolution());
  }

  /** Keeps the import report of safetensors model {@code model} and prints its summary. */
  void recordImport(String model, ImportReport report) {
    imports.put(model, report);
    System.err.println("model " + model + ": " + report.summary());
  }

  /** Loads the built-in ViT saved in {@code checkpoint}, keyed by its description and weights. */
  StudyEncoder fromCheckpoint(String model, Path checkpoint, NDManager manager) {
    VisionTransformer vit = Checkpoint.load(checkpoint, manager);
    Path file = checkpoint.resolve(Checkpoint.WEIGHTS);
    String digest = Sha256.hexOfFile(file);
    Fingerprint key = Fingerprint.of("checkpoint")
        .addFile(checkpoint.resolve(Checkpoint.DESCRIPTION))
        .add(digest);
    return builtIn(model, key, vit, Map.of(file.toString(), digest));
  }

  /**
   * Wraps a loaded built-in ViT, once the study's sampling is checked to fit it (closing it if
   * not).
   *
   * @param key what produced its weights
   * @param weights the SHA-256 of each weight file it was read from, by path
   */
  StudyEncoder builtIn(String model, Fingerprint key, VisionTransformer vit,
      Map<String, String> weights) {
    try {
      vit.config().grid(sampling.frames(), sampling.resolution(), sampling.resolution());
    } catch (IllegalArgumentException e) {
      vit.close();
      throw new InputException("model " + model + ": sampling does not fit the encoder ("
          + e.getMessage() + ")");
    }
    return new StudyEncoder(model, key.hex(), vit, builtInInput(),
        sampling.sampler(sampling.frames(), sampling.resolution()), weights);
  }

  /** {@code path} resolved against the config's folder; it must exist. */
  Path file(String model, String path) {
    Path file = configDir.resolve(path);
    if (!Files.exists(file)) {
      throw new InputException(file + ": no such file (model " + model + ")");
    }
    return file;
  }
}
