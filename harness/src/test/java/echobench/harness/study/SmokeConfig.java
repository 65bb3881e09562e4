package echobench.harness.study;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's {@code configs/smoke.yaml} from the module folder the tests run in. */
final class SmokeConfig {
  private SmokeConfig() {}

  /** The smoke study's config file. */
  static Path path() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("configs").resolve("smoke.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "configs/smoke.yaml not found above " + Path.of("").toAbsolutePath());
  }
}
