package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import echobench.reports.io.InputException;
import java.util.OptionalInt;

/**
 * Where a study's encoder comes from: the one source key of a {@code models:} entry ({@code
 * pretrain}, {@code checkpoint}, {@code random_init}, …), registered by that key in {@link
 * ModelSources}. Each source holds its own keys, checked when the config is read, and loads its
 * encoder with the shared infrastructure of {@link EncoderLoader}.
 */
public interface ModelSource {

  /**
   * Loads the encoder of model {@code model} with its weights in {@code manager}.
   *
   * @throws echobench.reports.io.InputException or {@link echobench.reports.io.InputException}
   *     naming the file of a missing or malformed model
   */
  StudyEncoder load(String model, EncoderLoader loader, NDManager manager);

  /** The token width the config alone fixes (a built-in size), to check probes early. */
  default OptionalInt tokenWidth() {
    return OptionalInt.empty();
  }
}
