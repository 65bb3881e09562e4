package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainCommandTest {

  static Path config(String name) throws URISyntaxException {
    return Path.of(PretrainCommandTest.class.getResource("/pretrain/" + name).toURI());
  }

  /**
   * The command's own stderr lines. Loading the PyTorch engine makes SLF4J warn that it has no
   * logging provider; those lines are the logging set-up's, not the command's.
   */
  static List<String> messages(CommandLineCapture run) {
    return run.errLines().stream().filter(line -> !line.startsWith("SLF4J")).toList();
  }

  @Test
  void writesTheCheckpointAndOneLossRowPerStep(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("run");

    CommandLineCapture run = CommandLineCapture.run(
        "pretrain", config("jepa-tiny.yaml").toString(), "--out", out.toString(), "--device", "cpu");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("pretrained jepa micro: 6 steps");
    Path checkpoint = out.resolve("checkpoint");
    assertThat(checkpoint.resolve("weights.safetensors")).isNotEmptyFile();
    assertThat(checkpoint.resolve("model.json")).content().contains("synthetic-adult cohort, 4 subjects");
    List<String> lines = Files.readAllLines(out.resolve("loss.csv"));
    assertThat(lines).hasSize(7).first().isEqualTo("step,loss,lr,ema");
    for (int step = 0; step < 6; step++) {
      String[] row = lines.get(step + 1).split(",");
      assertThat(Integer.parseInt(row[0])).isEqualTo(step);
      assertThat(Double.parseDouble(row[1])).isPositive().isFinite();
    }
    // Warm-up 1e-4 -> 1e-3 over 2 steps, then cosine to 1e-4 at step 6; EMA 0.99 -> 0.999 linearly.
    assertThat(Double.parseDouble(lines.get(1).split(",")[2])).isCloseTo(1e-4, within(1e-9));
    assertThat(Double.parseDouble(lines.get(2).split(",")[2])).isCloseTo(5.5e-4, within(1e-9));
    double cosine = 1e-4 + 9e-4 * 0.5 * (1 + Math.cos(Math.PI * 3 / 4));
    assertThat(Double.parseDouble(lines.get(6).split(",")[2])).isCloseTo(cosine, within(1e-8));
    assertThat(Double.parseDouble(lines.get(4).split(",")[3])).isCloseTo(0.9945, within(1e-6));
  }

  @Test
  void aFinishedRunIsNotRepeated(@TempDir Path dir) throws Exception {
    String out = dir.resolve("run").toString();
    String cfg = config("jepa-tiny.yaml").toString();
    assertThat(CommandLineCapture.run("pretrain", cfg, "--out", out, "--device", "cpu").exitCode())
        .isZero();
    List<String> before = Files.readAllLines(Path.of(out, "loss.csv"));

    CommandLineCapture again = CommandLineCapture.run("pretrain", cfg, "--out", out, "--device", "cpu");

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("already holds all 6 steps");
    assertThat(Files.readAllLines(Path.of(out, "loss.csv"))).isEqualTo(before);
  }

  @Test
  void anUnknownKeyIsOneLineNamingFileAndKey(@TempDir Path dir) throws Exception {
    Path cfg = config("unknown-key.yaml");

    CommandLineCapture run = CommandLineCapture.run("pretrain", cfg.toString(), "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).singleElement().asString()
        .contains(cfg + ":").contains("unknown key 'learning_rate'");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aBadAcquisitionSettingIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
    String tiny = Files.readString(config("jepa-tiny.yaml"));
    String[][] cases = {
        {"data: {source: synthetic-adult, clips: 4, seed: 0, acquisition: sometimes}",
            "data.acquisition must be varied or fixed, not 'sometimes'"},
        {"data: {source: some/dataset, clips: 4, seed: 0, acquisition: fixed}",
            "data.acquisition applies to a synthetic cohort, not to 'some/dataset'"}};
    for (int n = 0; n < cases.length; n++) {
      Path cfg = Files.writeString(dir.resolve("case" + n + ".yaml"),
          tiny.replace("data: {source: synthetic-adult, clips: 4, seed: 0}", cases[n][0]));
      Path out = dir.resolve("out" + n);

      CommandLineCapture run = CommandLineCapture.run(
          "pretrain", cfg.toString(), "--out", out.toString(), "--device", "cpu");

      assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
      assertThat(messages(run)).singleElement().asString()
          .contains(cfg + ": " + cases[n][1]);
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void anUnknownCohortIsOneLineListingTheKnownOnes(@TempDir Path dir) throws Exception {
    CommandLineCapture run = CommandLineCapture.run(
        "pretrain", config("unknown-cohort.yaml").toString(), "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).singleElement().asString()
        .contains("synthetic-neonatal").contains("synthetic-adult, synthetic-pediatric");
  }

  @Test
  void anUnknownDeviceIsBadInput(@TempDir Path dir) throws Exception {
    CommandLineCapture run = CommandLineCapture.run(
        "pretrain", config("jepa-tiny.yaml").toString(), "--out", dir.toString(), "--device", "tpu");

    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(messages(run)).singleElement().asString().contains("unknown device 'tpu'");
    assertThat(run.err()).doesNotContain("\tat ");
  }
}
