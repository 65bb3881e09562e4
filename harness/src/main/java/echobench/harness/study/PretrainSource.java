package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import echobench.harness.pretrain.PretrainRunner;
import echobench.harness.pretrain.PretrainSources;
import echobench.harness.synth.EchoSimulator;
import echobench.models.pretrain.PretrainConfig;
import java.nio.file.Path;

/**
 * An encoder pretrained before the study ({@code pretrain: configs/pretrain/x.yaml}), into the
 * run's model cache keyed by the pretraining config's hash (and, for clips simulated in memory,
 * the simulator's revision, so an encoder pretrained on an older simulator's clips is not
 * reused); a run of the same config found there is continued or reused.
 *
 * @param config the pretraining config, relative to the study config's folder
 */
public record PretrainSource(@JsonValue String config) implements ModelSource {

  /** Checks the path. */
  public PretrainSource {
    if (config == null || config.isBlank()) {
      throw new IllegalArgumentException("pretrain needs the path of a pretraining config");
    }
  }

  /** Reads the key's value, the config's path. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static PretrainSource of(String config) {
    return new PretrainSource(config);
  }

  @Override
  public StudyEncoder load(String model, EncoderLoader loader, NDManager manager) {
    PretrainConfig pretraining = PretrainRunner.readConfig(loader.configDir().resolve(config));
    Path out = loader.modelCache()
        .resolve(model + "-" + cacheKey(pretraining, EchoSimulator.REVISION));
    Path checkpoint;
    // Shards sharing the cache pretrain a model once: the first takes the lock, the others wait
    // and reuse its checkpoint.
    try (CacheLock lock = CacheLock.take(loader.modelCache().resolveSibling("locks")
        .resolve(out.getFileName() + ".lock"))) {
      checkpoint = PretrainRunner.forTerminal(loader.device()).run(pretraining, out).checkpoint();
    }
    return loader.fromCheckpoint(model, checkpoint, manager);
  }

  /**
   * The model cache's key for {@code pretraining}'s run: its config's hash, with the simulator's
   * {@code revision} when its clips are simulated.
   */
  static String cacheKey(PretrainConfig pretraining, int revision) {
    if (!PretrainSources.isSynthetic(pretraining.data())) {
      return pretraining.sha256().substring(0, 16);
    }
    return Fingerprint.of("pretraining").add(pretraining.sha256()).add("simulator revision")
        .add(revision).hex();
  }
}
