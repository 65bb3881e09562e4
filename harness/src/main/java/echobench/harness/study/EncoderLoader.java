package echobench.harness.study;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import echobench.harness.BadInputException;
import echobench.harness.pretrain.PretrainRunner;
import echobench.models.ModelInputException;
import echobench.models.checkpoint.Checkpoint;
import echobench.models.checkpoint.VJepaImporter;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.Normalization;
import echobench.models.encoder.TorchScriptEncoder;
import echobench.models.encoder.VideoEncoder;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import echobench.models.pretrain.PretrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a model entry of the config into a loaded {@link StudyEncoder}: pretrains it first when it
 * is declared with {@code pretrain:} (into the run's cache, keyed by the pretraining config's
 * hash), or loads its checkpoint, TorchScript or safetensors file, or initialises a random ViT.
 *
 * <p>The cache is the run's: a run without {@code --resume} starts from an empty one.
 *
 * <p>Built-in ViTs are fed the study's sampling (rotary positions accept any clip that tiles into
 * tubelets); a TorchScript encoder is fed the frames and resolution it declares.
 */
final class EncoderLoader {
  /** The prefix of a checkpoint in the project's model zoo. */
  static final String ZOO = "zoo:";

  private final Path configDir;
  private final Path modelCache;
  private final SamplingConfig sampling;
  private final Device device;

  /**
   * @param configDir the folder relative paths of the config are resolved against
   * @param modelCache where pretrained checkpoints are kept
   * @param sampling the study's clip sampling
   * @param device where the encoders compute
   */
  EncoderLoader(Path configDir, Path modelCache, SamplingConfig sampling, Device device) {
    this.configDir = configDir;
    this.modelCache = modelCache;
    this.sampling = sampling;
    this.device = device;
  }

  /** Loads {@code model} with its weights in {@code manager}. */
  StudyEncoder load(ModelConfig model, NDManager manager) {
    if (model.torchscript() != null) {
      TorchScriptConfig ts = model.torchscript();
      Path file = file(model, ts.file());
      InputSpec spec = Normalization.named(ts.normalization())
          .spec(ts.frames(), ts.resolution(), ts.resolution());
      VideoEncoder encoder = TorchScriptEncoder.load(file, spec, device);
      String key = Fingerprint.of("torchscript").addJson(ts).addFile(file).hex();
      return new StudyEncoder(model.name(), key, encoder, spec,
          sampling.sampler(ts.frames(), ts.resolution()));
    }
    Fingerprint key;
    VisionTransformer vit;
    if (model.randomInit() != null) {
      RandomInitConfig init = model.randomInit();
      key = Fingerprint.of("random-init").addJson(init);
      vit = new VisionTransformer(new ParameterFactory(manager, init.seed()),
          VitConfig.named(init.encoder()));
    } else if (model.safetensors() != null) {
      SafetensorsConfig st = model.safetensors();
      Path file = file(model, st.file());
      vit = VJepaImporter.load(file, VitConfig.named(st.encoder()), st.section(), manager);
      key = Fingerprint.of("safetensors").addJson(st).addFile(file);
    } else {
      Path checkpoint = model.pretrain() != null ? pretrained(model) : checkpoint(model);
      vit = Checkpoint.load(checkpoint, manager);
      key = Fingerprint.of("checkpoint")
          .addFile(checkpoint.resolve(Checkpoint.DESCRIPTION))
          .addFile(checkpoint.resolve(Checkpoint.WEIGHTS));
    }
    try {
      vit.config().grid(sampling.frames(), sampling.resolution(), sampling.resolution());
    } catch (IllegalArgumentException e) {
      vit.close();
      throw new BadInputException("model " + model.name() + ": sampling does not fit the encoder ("
          + e.getMessage() + ")");
    }
    InputSpec spec = InputSpec.imagenet(sampling.frames(), sampling.resolution(),
        sampling.resolution());
    return new StudyEncoder(model.name(), key.hex(), vit, spec,
        sampling.sampler(sampling.frames(), sampling.resolution()));
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
    if (!where.startsWith(ZOO)) {
      return file(model, where);
    }
    String name = where.substring(ZOO.length());
    for (Path dir = configDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("models").resolve("zoo").resolve(name);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new ModelInputException("model " + model.name() + ": no zoo checkpoint " + name
        + " (looked for models/zoo/" + name + " in the config's folder and above)");
  }

  private Path file(ModelConfig model, String path) {
    Path file = configDir.resolve(path);
    if (!Files.exists(file)) {
      throw new ModelInputException(file + ": no such file (model " + model.name() + ")");
    }
    return file;
  }
}
