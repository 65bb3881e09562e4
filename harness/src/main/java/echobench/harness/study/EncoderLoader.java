package echobench.harness.study;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import echobench.harness.pretrain.PretrainRunner;
import echobench.models.checkpoint.Checkpoint;
import echobench.models.checkpoint.ImportReport;
import echobench.models.checkpoint.VJepaImporter;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.Normalization;
import echobench.models.encoder.TorchScriptEncoder;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import echobench.models.pretrain.PretrainConfig;
import echobench.reports.io.InputException;
import echobench.reports.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a model entry of the config into a loaded {@link StudyEncoder}: pretrains it first when it
 * is declared with {@code pretrain:} (into the run's cache, keyed by the pretraining config's
 * hash), or loads its checkpoint, TorchScript or safetensors file, or initialises a random ViT.
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
  /** The weights kind of a TorchScript export in its manifest. */
  static final String TORCHSCRIPT = "torchscript";
  /** The weights kind of a safetensors export in its manifest. */
  static final String SAFETENSORS = "safetensors";

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
    if (model.torchscript() != null) {
      TorchScriptConfig ts = model.torchscript();
      Path file = file(model, ts.file());
      InputSpec spec = Normalization.named(ts.normalization())
          .spec(ts.frames(), ts.resolution(), ts.resolution());
      String digest = Sha256.hexOfFile(file);
      ExportManifest manifest = ExportManifest.read(file, TORCHSCRIPT, digest);
      manifest.requireInput(file, spec);
      TorchScriptEncoder encoder = TorchScriptEncoder.load(file, spec, device);
      try {
        manifest.requireOutput(file, encoder.tokens(), encoder.embedDim());
      } catch (RuntimeException e) {
        encoder.close();
        throw e;
      }
      String key = Fingerprint.of("torchscript").addJson(ts).add(digest).hex();
      return new StudyEncoder(model.name(), key, encoder, spec,
          sampling.sampler(ts.frames(), ts.resolution()), Map.of(file.toString(), digest));
    }
    InputSpec spec = InputSpec.imagenet(sampling.frames(), sampling.resolution(),
        sampling.resolution());
    Fingerprint key;
    VisionTransformer vit;
    Map<String, String> weights = Map.of();
    if (model.randomInit() != null) {
      RandomInitConfig init = model.randomInit();
      key = Fingerprint.of("random-init").addJson(init);
      vit = new VisionTransformer(new ParameterFactory(manager, init.seed()),
          VitConfig.named(init.encoder()));
    } else if (model.safetensors() != null) {
      SafetensorsConfig st = model.safetensors();
      Path file = file(model, st.file());
      String digest = Sha256.hexOfFile(file);
      ExportManifest manifest = ExportManifest.read(file, SAFETENSORS, digest);
      manifest.requireInput(file, spec);
      key = Fingerprint.of("safetensors").addJson(st).add(digest);
      weights = Map.of(file.toString(), digest);
      VJepaImporter.Imported imported =
          VJepaImporter.importEncoder(file, st.architecture(), st.section(), st.posEmbed(), manager);
      vit = imported.encoder();
      imports.put(model.name(), imported.report());
      System.err.println("model " + model.name() + ": " + imported.report().summary());
      try {
        manifest.requireOutput(file, vit.config().grid(spec.frames(), spec.height(),
            spec.width()).size(), vit.embedDim());
      } catch (RuntimeException e) {
        vit.close();
        throw e;
      }
    } else {
      Path checkpoint = model.pretrain() != null ? pretrained(model) : checkpoint(model);
      vit = Checkpoint.load(checkpoint, manager);
      Path file = checkpoint.resolve(Checkpoint.WEIGHTS);
      String digest = Sha256.hexOfFile(file);
      key = Fingerprint.of("checkpoint")
          .addFile(checkpoint.resolve(Checkpoint.DESCRIPTION))
          .add(digest);
      weights = Map.of(file.toString(), digest);
    }
    try {
      vit.config().grid(sampling.frames(), sampling.resolution(), sampling.resolution());
    } catch (IllegalArgumentException e) {
      vit.close();
      throw new InputException("model " + model.name() + ": sampling does not fit the encoder ("
          + e.getMessage() + ")");
    }
    return new StudyEncoder(model.name(), key.hex(), vit, spec,
        sampling.sampler(sampling.frames(), sampling.resolution()), weights);
  }

  /**
   * Runs the model's pretraining into the cache, continuing or reusing a run of the same config
   * found there; returns the checkpoint folder.
   */
  private Path pretrained(ModelConfig model) {
    Path file = configDir.resolve(model.pretrain());
    PretrainConfig config = PretrainRunner.readConfig(file);
    Path out = modelCache.resolve(model.name() + "-" + config.sha256().substring(0, 16));
    return PretrainRunner.forTerminal(device).run(config, out).checkpoint();
  }

  /** The checkpoint folder of a {@code checkpoint:} entry ({@code zoo:<name>} or a path). */
  private Path checkpoint(ModelConfig model) {
    String where = model.checkpoint();
    return ModelZoo.names(where) ? zoo.entry(where, model.name()) : file(model, where);
  }

  private Path file(ModelConfig model, String path) {
    Path file = configDir.resolve(path);
    if (!Files.exists(file)) {
      throw new InputException(file + ": no such file (model " + model.name() + ")");
    }
    return file;
  }
}
