package echobench.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.pretrain.PretrainRunner;
import echobench.reports.gate.GateRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every pretraining config and gate rule file shipped in {@code configs/} reads under the strict
 * rules: no decimals for integers, no duplicate keys, no aliases.
 */
class ShippedConfigsTest {
  private static Path configs() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("configs/pretrain"))) {
        return dir.resolve("configs");
      }
    }
    throw new IllegalStateException("no configs/ folder above the working directory");
  }

  @Test
  void pretrainingConfigsAndGateRulesRead() throws IOException {
    List<Path> pretrain;
    try (Stream<Path> files = Files.list(configs().resolve("pretrain"))) {
      pretrain = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(pretrain).isNotEmpty();
    for (Path file : pretrain) {
      assertThat(PretrainRunner.readConfig(file)).as(file.toString()).isNotNull();
    }
    List<Path> gates;
    try (Stream<Path> files = Files.list(configs().resolve("gates"))) {
      gates = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : gates) {
      assertThat(GateRules.read(file)).as(file.toString()).isNotEmpty();
    }
  }
}
