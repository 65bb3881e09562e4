package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchModelsCommandTest {

  @Test
  void aMicroBenchPrintsATableAndWritesEveryJsonField(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("models.json");

    CommandLineCapture run = CommandLineCapture.run("bench", "models", "--sizes", "micro",
        "--frames", "4", "--resolution", "64", "--batch", "1", "--repeats", "1", "--device", "cpu",
        "--json", json.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("ceiling: DJL matmul 2048 x 2048").containsPattern("(?m)^micro\\s+32\\s");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("frames").asInt()).isEqualTo(4);
    assertThat(report.get("resolution").asInt()).isEqualTo(64);
    assertThat(report.get("device").asText()).isEqualTo("cpu()");
    double ceiling = report.get("ceiling").get("gflops").asDouble();
    assertThat(ceiling).isPositive();
    JsonNode training = report.get("training").get(0);
    assertThat(training.get("size").asText()).isEqualTo("micro");
    assertThat(training.get("tokens").asInt()).isEqualTo(2 * 4 * 4);
    assertThat(training.get("steps_per_second").asDouble()).isPositive();
    assertThat(training.get("gflop_per_step").asDouble()).isPositive();
    assertThat(training.get("ceiling_fraction").asDouble())
        .isCloseTo(training.get("gflops").asDouble() / ceiling, org.assertj.core.api.Assertions.within(1e-9));
    JsonNode inference = report.get("inference").get(0);
    assertThat(inference.get("clips_per_second").asDouble()).isPositive();
    assertThat(inference.get("gflops").asDouble()).isPositive();
  }

  @Test
  void anUnknownSizeIsBadInput() {
    CommandLineCapture run = CommandLineCapture.run("bench", "models", "--sizes", "huge");

    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).singleElement().asString().contains("unknown ViT size 'huge'");
  }
}
