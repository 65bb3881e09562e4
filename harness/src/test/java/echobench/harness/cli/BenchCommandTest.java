package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

  @Test
  void benchWithoutWhatToMeasureIsBadInput() {
    CommandLineCapture run = CommandLineCapture.run("bench");

    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).contains("bench needs what to measure: perturb");
  }

  @Test
  void jsonIntoAMissingDirectoryFailsBeforeMeasuring(@TempDir Path dir) {
    Path json = dir.resolve("missing").resolve("bench.json");

    CommandLineCapture run = CommandLineCapture.run("bench", "perturb", "--json", json.toString());


    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).singleElement().asString().contains("bench.json: cannot write");
    assertThat(run.out()).isEmpty();
  }
}
