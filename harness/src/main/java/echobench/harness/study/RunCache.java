package echobench.harness.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The finished work of a run, kept under {@code <run>/cache/} and keyed by a hash of its inputs:
 * {@code models/} (pretraining runs), {@code probes/} (trained probe folders), {@code training/}
 * ({@link TrainingRecord}s), {@code predictions/} ({@link PredictionGroupFile}s) and {@code
 * features/} (the training splits' {@link echobench.models.probe.FeatureStore} files). Every entry
 * is written under a temporary name and moved into place, so what is found is whole. A run without
 * {@code --resume} removes those five folders first, and nothing else.
 */
final class RunCache {
  /** The cache folder's name inside a run folder. */
  static final String FOLDER = "cache";
  /** The folders a run keeps in its cache: all a fresh run removes, never anything else. */
  private static final List<String> ENTRIES = List.of("models", "probes", "training",
      "predictions", "features");

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .findAndRegisterModules();

  private final Path root;

  private RunCache(Path root) {
    this.root = root;
  }

  /** The cache of run folder {@code runDir}; emptied unless {@code resume}. */
  static RunCache open(Path runDir, boolean resume) {
    Path root = runDir.resolve(FOLDER);
    try {
      if (!resume) {
        for (String entry : ENTRIES) {
          FileTrees.delete(root.resolve(entry));
        }
      }
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new InputException(root + ": cannot prepare the run cache (" + e.getMessage() + ")",
          e);
    }
    return new RunCache(root);
  }

  /** Where pretraining runs are kept. */
  Path models() {
    return root.resolve("models");
  }

  /** The folder of the probe with key {@code key}. */
  Path probe(String model, String probe, String key) {
    return root.resolve("probes").resolve(model + "-" + probe + "-" + key);
  }

  /** The feature store file of {@code model}'s features of {@code split} with key {@code key}. */
  Path features(String model, String split, String key) {
    return root.resolve("features").resolve(model + "-" + split + "-" + key + ".features");
  }

  /** The training record with key {@code key}, if cached. */
  Optional<TrainingRecord> training(String key) {
    return read(trainingFile(key), TrainingRecord.class);
  }

  /** Caches a training record. */
  void saveTraining(String key, TrainingRecord record) {
    write(trainingFile(key), record);
  }

  /** The prediction group with key {@code key}, if cached. */
  Optional<PredictionGroupFile> predictions(String key) {
    return read(predictionFile(key), PredictionGroupFile.class);
  }

  /** Caches a prediction group. */
  void savePredictions(String key, PredictionGroupFile group) {
    write(predictionFile(key), group);
  }

  private Path trainingFile(String key) {
    return root.resolve("training").resolve(key + ".json");
  }

  private Path predictionFile(String key) {
    return root.resolve("predictions").resolve(key + ".json");
  }

  private static <T> Optional<T> read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), type));
    } catch (IOException e) {
      String why = e instanceof JsonProcessingException json ? json.getOriginalMessage()
          : e.getMessage();
      throw new InputException(file + ": unreadable cache entry ("
          + why.lines().findFirst().orElse("").strip() + "); delete it or run without --resume", e);
    }
  }

  private static void write(Path file, Object value) {
    try {
      AtomicFiles.writeString(file, JSON.writeValueAsString(value));
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(file + ": cannot write the cache (" + e.getMessage() + ")", e);
    }
  }
}
