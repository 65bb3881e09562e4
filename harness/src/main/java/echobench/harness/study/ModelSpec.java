package echobench.harness.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import echobench.reports.io.InputException;
import echobench.reports.io.StrictYaml;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model block given on the command line: the same YAML a study's {@code models:} entry takes,
 * either as a file or inline ({@code '{checkpoint: zoo:jepa-echo-tiny}'}); {@code name} may be
 * left out. Relative paths in it are resolved against the file's folder, or the working folder
 * when inline.
 *
 * @param model the parsed model block
 * @param baseDir the folder its relative paths are resolved against
 */
public record ModelSpec(ModelConfig model, Path baseDir) {
  /** The name given to a model block without one. */
  static final String DEFAULT_NAME = "features";

  /**
   * Parses {@code spec}: the path of an existing file, else inline YAML.
   *
   * @throws InputException naming the file (or "model spec") and what is wrong
   */
  public static ModelSpec parse(String spec) {
    Path file = Path.of(spec);
    boolean isFile = !spec.isBlank() && !spec.trim().startsWith("{") && Files.isRegularFile(file);
    String origin = isFile ? file.toString() : "model spec '" + spec + "'";
    JsonNode tree = isFile
        ? StrictYaml.read(file, JsonNode.class)
        : StrictYaml.parse(origin, spec, JsonNode.class);
    if (!(tree instanceof ObjectNode block)) {
      throw new InputException(origin + ": not a model block (a YAML mapping such as"
          + " '{checkpoint: zoo:jepa-echo-tiny}') nor an existing file");
    }
    if (!block.has("name")) {
      block.put("name", DEFAULT_NAME);
    }
    try {
      ModelConfig model = StrictYaml.mapper().treeToValue(block, ModelConfig.class);
      Path base = isFile ? file.toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
      return new ModelSpec(model, base);
    } catch (UnrecognizedPropertyException e) {
      throw new InputException(origin + ": unknown key '" + e.getPropertyName() + "'", e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InputException(origin + ": " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new InputException(origin + ": " + e.getOriginalMessage(), e);
    }
  }
}
