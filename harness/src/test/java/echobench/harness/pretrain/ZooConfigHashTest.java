package echobench.harness.pretrain;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.models.checkpoint.Checkpoint;
import echobench.models.pretrain.PretrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A pretraining config's SHA-256 is the one each shipped zoo entry recorded when it was trained:
 * the hash identifies a run for resume and export, so moving it onto the shared SHA-256 helper
 * must not change it.
 */
class ZooConfigHashTest {
  private static Path zoo() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("models/zoo"))) {
        return d.resolve("models/zoo");
      }
    }
    throw new IllegalStateException("no models/zoo/ above the working directory");
  }

  @Test
  void eachShippedEntrysConfigHashesToTheDigestItsModelRecorded() {
    for (String entry : new String[] {"jepa-echo-tiny", "mae-echo-tiny"}) {
      Path dir = zoo().resolve(entry);
      PretrainConfig config = PretrainRunner.readConfig(dir.resolve(ZooEntry.CONFIG));
      assertThat(config.sha256()).as(entry)
          .isEqualTo(Checkpoint.describe(dir).training().configSha256())
          .hasSize(64);
    }
  }
}
