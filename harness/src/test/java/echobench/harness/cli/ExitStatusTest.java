package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit statuses of every subcommand, each reached once: 0 success, 1 only for a failed gate, 2
 * for anything wrong with what the user gave (one stderr line, no stack trace).
 */
class ExitStatusTest {
  @TempDir Path dir;

  private Path run(String name, double clean) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name));
    Files.writeString(run.resolve("results.csv"),
        "model,dataset,task,perturbation,severity,metric,value,ci_low,ci_high,n\n"
            + "jepa/attentive,adult,lvef,none,0,mae," + clean + ",,,100\n"
            + "jepa/attentive,adult,lvef,depth-exp,1,mae," + (clean + 0.5) + ",,,100\n");
    return run;
  }

  private static void badInput(String... args) {
    CommandLineCapture cli = CommandLineCapture.run(args);
    assertThat(cli.exitCode()).as(String.join(" ", args) + ": " + cli.err()).isEqualTo(2);
    assertThat(cli.errLines()).as(String.join(" ", args)).singleElement().asString()
        .startsWith("echobench: ").doesNotContain("Exception");
  }

  @Test
  void everySubcommandGivesTwoForWhatTheUserGave() {
    Path missing = dir.resolve("missing");
    badInput("no-such-command");
    badInput("run", missing.resolve("study.yaml").toString());
    badInput("pretrain", missing.resolve("pretrain.yaml").toString());
    badInput("synth", "--cohort", "adult", "--count", "0", "--out", dir.resolve("s").toString());
    badInput("perturb", missing.resolve("a.avi").toString(), "--name", "depth-exp",
        "--severity", "1", "--out", dir.resolve("p.avi").toString());
    badInput("report", missing.toString());
    badInput("compare", missing.toString());
    badInput("gate", "--baseline", missing.toString(), "--candidate", missing.toString(),
        "--rules", missing.resolve("rules.yaml").toString());
    badInput("features", "random:micro", missing.resolve("a.avi").toString(), "--out",
        dir.resolve("f.npy").toString());
    badInput("bench", "nothing");
  }

  @Test
  void successIsZeroAndOnlyAFailedGateIsOne() throws IOException {
    Path main = run("main", 5.0);
    Path worse = run("worse", 9.0);
    Path rules = Files.writeString(dir.resolve("rules.yaml"),
        "rules:\n  - {name: clean, metric: mae, check: clean, max_worsening: 0.25}\n");

    assertThat(CommandLineCapture.run("compare", main.toString(), worse.toString()).exitCode())
        .isZero();
    assertThat(CommandLineCapture.run("report", main.toString()).exitCode()).isZero();
    assertThat(CommandLineCapture.run("gate", "--baseline", main.toString(), "--candidate",
        main.toString(), "--rules", rules.toString()).exitCode()).isZero();
    // clean MAE 9.0 against 5.0: a worsening of 4.0 > 0.25
    assertThat(CommandLineCapture.run("gate", "--baseline", main.toString(), "--candidate",
        worse.toString(), "--rules", rules.toString()).exitCode()).isEqualTo(1);
    assertThat(CommandLineCapture.run("--help").exitCode()).isZero();
  }
}
