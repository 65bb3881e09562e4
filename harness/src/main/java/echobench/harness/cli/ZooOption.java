package echobench.harness.cli;

import echobench.harness.study.ModelZoo;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --zoo DIR} option of every command that loads models: where {@code zoo:NAME} looks. */
final class ZooOption {
  @Option(names = "--zoo", paramLabel = "DIR",
      description = "Model zoo for checkpoint: zoo:NAME (default: $" + ModelZoo.ENVIRONMENT
          + ", else the installation's models/zoo).")
  Path folder;

  /** The zoo this option, the environment or the installation names. */
  ModelZoo zoo() {
    return ModelZoo.forCommand(folder);
  }
}
