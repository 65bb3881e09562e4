package echobench.harness.study;

import echobench.reports.io.InputException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The model zoo that {@code checkpoint: zoo:<name>} names (DESIGN §4): one folder of checkpoint
 * folders, chosen once per command, wherever the config lives. In order: the {@code --zoo DIR}
 * option, the {@value #ENVIRONMENT} environment variable, else the installation's own
 * {@code models/zoo} (found from the location of EchoBench's jar or classes upwards: the
 * repository root's for a built checkout).
 *
 * @param folder the zoo folder; empty when no zoo was given and the installation has none
 * @param origin how the folder was chosen, for error messages
 */
public record ModelZoo(Optional<Path> folder, String origin) {
  /** The prefix of a checkpoint in the zoo. */
  public static final String PREFIX = "zoo:";

  /** The environment variable that points to another zoo. */
  public static final String ENVIRONMENT = "ECHOBENCH_ZOO";

  /**
   * The zoo of a command run now: {@code option} when given, else the environment's, else the
   * installation's.
   *
   * @param option the {@code --zoo} folder, or null
   */
  public static ModelZoo forCommand(Path option) {
    return choose(option, System.getenv(), codeLocation());
  }

  /**
   * The zoo {@code option}, else {@code environment}'s {@value #ENVIRONMENT}, else the first
   * {@code models/zoo} folder at or above {@code codeLocation}.
   *
   * @throws InputException when the option or the variable names no folder
   */
  static ModelZoo choose(Path option, Map<String, String> environment, Path codeLocation) {
    if (option != null) {
      return given(option, "--zoo " + option);
    }
    String variable = environment.get(ENVIRONMENT);
    if (variable != null && !variable.isBlank()) {
      return given(Path.of(variable), ENVIRONMENT + "=" + variable);
    }
    for (Path dir = codeLocation.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path zoo = dir.resolve("models").resolve("zoo");
      if (Files.isDirectory(zoo)) {
        return new ModelZoo(Optional.of(zoo), "the installation's zoo " + zoo);
      }
    }
    return new ModelZoo(Optional.empty(), "no models/zoo above the installation "
        + codeLocation + "; give --zoo DIR or set " + ENVIRONMENT);
  }

  /** Whether a {@code checkpoint:} entry names a zoo checkpoint. */
  static boolean names(String checkpoint) {
    return checkpoint.startsWith(PREFIX);
  }

  /**
   * The checkpoint folder of {@code checkpoint} ({@code zoo:<name>}) for model {@code model}.
   *
   * @throws InputException naming the zoo when it has no such entry
   */
  Path entry(String checkpoint, String model) {
    String name = checkpoint.substring(PREFIX.length());
    if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new InputException("model " + model + ": '" + checkpoint
          + "' is not a zoo entry name");
    }
    return folder.map(f -> f.resolve(name)).filter(Files::isDirectory)
        .orElseThrow(() -> new InputException("model " + model + ": no zoo checkpoint "
            + name + " (" + origin + ")"));
  }

  private static ModelZoo given(Path folder, String origin) {
    if (!Files.isDirectory(folder)) {
      throw new InputException(folder + ": no such zoo folder (" + origin + ")");
    }
    return new ModelZoo(Optional.of(folder.toAbsolutePath()), origin);
  }

  private static Path codeLocation() {
    try {
      return Path.of(ModelZoo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate EchoBench's own classes", e);
    }
  }
}
