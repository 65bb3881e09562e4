package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged cache entry is one line naming it. */
class RunCacheTest {
  @TempDir Path run;

  @Test
  void aTruncatedEntryIsOneLineNamingIt() throws IOException {
    Path entry = Files.createDirectories(run.resolve("cache/training")).resolve("k.json");
    Files.writeString(entry, "{\n  \"baseline\" : 41.5,\n  \"fit\" : ");
    RunCache cache = RunCache.open(run, true);

    assertThatThrownBy(() -> cache.training("k"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(entry + ": unreadable cache entry (")
        .hasMessageEndingWith("); delete it or run without --resume")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
