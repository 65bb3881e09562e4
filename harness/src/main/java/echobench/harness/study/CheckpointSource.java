package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A saved checkpoint folder ({@code checkpoint: path}) or an entry of the installation's {@link
 * ModelZoo} ({@code checkpoint: zoo:<name>}).
 *
 * @param where the folder, relative to the config's folder, or {@code zoo:<name>}
 */
public record CheckpointSource(@JsonValue String where) implements ModelSource {

  /** Checks the value. */
  public CheckpointSource {
    if (where == null || where.isBlank()) {
      throw new IllegalArgumentException("checkpoint needs a folder or zoo:<name>");
    }
  }

  /** Reads the key's value. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static CheckpointSource of(String where) {
    return new CheckpointSource(where);
  }

  @Override
  public StudyEncoder load(String model, EncoderLoader loader, NDManager manager) {
    return loader.fromCheckpoint(model, ModelZoo.names(where)
        ? loader.zoo().entry(where, model) : loader.file(model, where), manager);
  }
}
