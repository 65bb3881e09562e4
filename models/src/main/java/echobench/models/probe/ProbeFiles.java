package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import echobench.models.checkpoint.SafeTensors;
import echobench.models.nn.Module;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A saved probe is a folder of two files: {@code probe.json} ({@link ProbeDescription}) and {@code
 * weights.safetensors}. The folder is written under a temporary name and moved into place, so an
 * interrupted save never leaves a probe that looks whole and a resumed run can trust what it finds.
 */
final class ProbeFiles {
  static final String DESCRIPTION = "probe.json";
  static final String WEIGHTS = "weights.safetensors";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ProbeFiles() {}

  /** Writes the folder {@code dir}, replacing any earlier one. */
  static void save(Path dir, ProbeDescription description, Map<String, NDArray> weights)
      throws IOException {
    Path staging = AtomicFiles.stagingFolder(dir);
    SafeTensors.write(staging.resolve(WEIGHTS), weights);
    JSON.writeValue(staging.resolve(DESCRIPTION).toFile(), description);
    AtomicFiles.publishFolder(staging, dir);
  }

  /**
   * Reads {@code probe.json} of {@code dir} and checks that it describes a probe of {@code kind}.
   *
   * @throws InputException naming the file when it is missing, malformed or of another kind
   */
  static ProbeDescription describe(Path dir, ProbeKind kind) {
    ProbeDescription description = describe(dir);
    if (description.kind() != kind) {
      throw new InputException(
          dir.resolve(DESCRIPTION) + ": a " + description.kind() + " probe, not " + kind);
    }
    return description;
  }

  /**
   * Reads {@code probe.json} of {@code dir}.
   *
   * @throws InputException naming the file when it is missing or malformed
   */
  static ProbeDescription describe(Path dir) {
    Path file = dir.resolve(DESCRIPTION);
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such probe description");
    }
    ProbeDescription description;
    try {
      description = JSON.readValue(file.toFile(), ProbeDescription.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(file + ": malformed probe description (" + e.getMessage() + ")", e);
    }
    if (description == null
        || !ProbeDescription.FORMAT.equals(description.format())
        || description.kind() == null
        || description.task() == null
        || description.layout() == null
        || description.targetScaler() == null) {
      throw new InputException(file + ": not an " + ProbeDescription.FORMAT + " description");
    }
    return description;
  }

  /**
   * Reads the weights of {@code dir} into {@code manager}.
   *
   * @throws InputException naming the file when it is missing or unreadable
   */
  static Map<String, NDArray> weights(Path dir, NDManager manager) {
    Path file = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such probe weights file");
    }
    return SafeTensors.read(file, manager);
  }

  /**
   * Loads {@code weights} into {@code module}.
   *
   * @throws InputException naming {@code dir}'s weights file and every missing, unexpected or
   *     misshapen key
   */
  static void load(Path dir, Module module, Map<String, NDArray> weights) {
    try {
      module.load(weights);
    } catch (IllegalArgumentException e) {
      throw new InputException(dir.resolve(WEIGHTS) + ": " + e.getMessage(), e);
    }
  }
}
