package echobench.models.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import echobench.models.encoder.VisionTransformer;
import echobench.models.nn.ParameterFactory;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A checkpoint folder: {@code weights.safetensors} (the encoder under V-JEPA's key names) and {@code
 * model.json} ({@link ModelDescription}). Other files (a pretraining run's resumable state) may sit
 * beside them. Folders are written under a temporary name and then moved into place, so an
 * interrupted save never leaves a folder that looks whole.
 */
public final class Checkpoint {
  /** The weights file name. */
  public static final String WEIGHTS = "weights.safetensors";

  /** The description file name. */
  public static final String DESCRIPTION = "model.json";

  /** The JSON mapper for checkpoint metadata (pretty-printed; unknown keys fail on read). */
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules();

  private Checkpoint() {}

  /** Saves {@code encoder} and its provenance as the folder {@code dir}, replacing it atomically. */
  public static void save(Path dir, VisionTransformer encoder, Provenance provenance)
      throws IOException {
    Path staging = AtomicFiles.stagingFolder(dir);
    writeInto(staging, encoder, provenance);
    AtomicFiles.publishFolder(staging, dir);
  }

  /** Writes the weights and description into the (new or empty) folder {@code dir}. */
  public static void writeInto(Path dir, VisionTransformer encoder, Provenance provenance)
      throws IOException {
    Files.createDirectories(dir);
    SafeTensors.write(dir.resolve(WEIGHTS), encoder.parameters());
    ModelDescription description =
        new ModelDescription(ModelDescription.FORMAT, encoder.config(), provenance);
    JSON.writeValue(dir.resolve(DESCRIPTION).toFile(), description);
  }

  /**
   * Reads {@code model.json} of the folder {@code dir}.
   *
   * @throws InputException naming the file (and line) when {@code dir} is not a folder, or
   *     the description is missing, malformed or declares an architecture beyond {@link
   *     ModelDescription#checkBounds}
   */
  public static ModelDescription describe(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InputException(dir + ": not a checkpoint folder (" + (Files.exists(dir)
          ? "a file" : "no such folder") + ")");
    }
    Path file = dir.resolve(DESCRIPTION);
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such checkpoint description");
    }
    ModelDescription d;
    try {
      d = JSON.readValue(file.toFile(), ModelDescription.class);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      String why = cause == e ? e.getOriginalMessage() : cause.getMessage();
      JsonLocation at = e.getLocation();
      throw new InputException(file + (at != null && at.getLineNr() > 0
          ? ":" + at.getLineNr() : "") + ": malformed checkpoint description ("
          + why.lines().findFirst().orElse("").strip() + ")", e);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (d == null || !ModelDescription.FORMAT.equals(d.format()) || d.architecture() == null) {
      throw new InputException(file + ": not an " + ModelDescription.FORMAT + " description");
    }
    String beyond = ModelDescription.checkBounds(d.architecture());
    if (beyond != null) {
      throw new InputException(file + ": " + beyond);
    }
    return d;
  }

  /**
   * Loads the encoder of the folder {@code dir} with its parameters in {@code manager}.
   *
   * @throws InputException naming the file when anything is missing, unexpected or misshapen
   */
  public static VisionTransformer load(Path dir, NDManager manager) {
    ModelDescription description = describe(dir);
    Path weights = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(weights)) {
      throw new InputException(weights + ": no such weights file");
    }
    VisionTransformer encoder =
        new VisionTransformer(new ParameterFactory(manager, 0), description.architecture());
    try (NDManager reading = manager.newSubManager()) {
      Map<String, NDArray> values = SafeTensors.read(weights, reading);
      try {
        encoder.load(values);
      } catch (IllegalArgumentException e) {
        encoder.close();
        throw new InputException(weights + ": " + e.getMessage(), e);
      }
    }
    return encoder;
  }
}
