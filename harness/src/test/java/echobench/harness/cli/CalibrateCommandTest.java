package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.perturb.Perturbations;
import echobench.perturb.SeverityScale;
import echobench.perturb.SeverityTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
  /** A small search: one tiny clip, two draws. */
  private static final String[] SMALL = {
    "--clips", "1", "--size", "48", "--frames", "4", "--draws", "2", "--seed", "3"};

  @TempDir Path dir;

  @Test
  void theSameSettingsWriteTheSameTableByteForByteWithEveryFamilyAndLevel() throws IOException {
    Path first = dir.resolve("first.csv");
    Path second = dir.resolve("second.csv");
    assertThat(run(first).exitCode()).isZero();
    assertThat(run(second).exitCode()).isZero();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

    SeverityTable table = SeverityTable.parse(Files.readString(first), first.toString());
    long calibrated = table.rows().stream()
        .filter(r -> r.scale() == SeverityScale.CALIBRATED).count();
    long families = Perturbations.all().stream()
        .filter(s -> Perturbations.continuous(s.name()).isPresent()).count();
    assertThat(calibrated).isEqualTo(families * SeverityTable.TARGET_LOSSES.length);
    long published = Perturbations.all().stream().mapToInt(s -> s.maxSeverity()).sum();
    assertThat(table.rows()).hasSize((int) (published + calibrated));
  }

  @Test
  void aBadSettingIsOneLineExitTwoAndNoFile() throws IOException {
    Path out = dir.resolve("table.csv");
    CommandLineCapture run =
        CommandLineCapture.run("calibrate", "--clips", "0", "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).contains("--clips ≥ 1").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void listShowsEveryFamilysCnrLossAndTheCalibratedLevels() {
    CommandLineCapture run = CommandLineCapture.run("perturb", "--list");
    assertThat(run.exitCode()).isZero();
    SeverityTable shipped = SeverityTable.shipped();
    double presetLoss = shipped.row(SeverityScale.PUBLISHED, "depth-exp", 3).orElseThrow()
        .cnrLoss();
    assertThat(run.out()).contains("CNR LOSS")
        .containsPattern(String.format(java.util.Locale.ROOT, "(?m)^ +3 +%.1f %% +γ=2.15",
            100 * presetLoss));
    double strength = shipped.strength("haze", 5).orElseThrow();
    assertThat(run.out()).contains("cal 5")
        .contains(Perturbations.continuous("haze").orElseThrow().parametersAt(strength));
  }

  private static CommandLineCapture run(Path out) {
    String[] args = new String[SMALL.length + 3];
    args[0] = "calibrate";
    System.arraycopy(SMALL, 0, args, 1, SMALL.length);
    args[SMALL.length + 1] = "--out";
    args[SMALL.length + 2] = out.toString();
    return CommandLineCapture.run(args);
  }
}
