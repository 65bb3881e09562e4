package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.cli.EchoBench;
import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoView;
import echobench.harness.data.Split;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.harness.video.CraftedHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video whose header declares 16000×16000 pixels is an unreadable video like any other: within
 * {@code max_skip_fraction} the run skips it, lists it in {@code run.json} and finishes.
 */
class HugeFrameSkipTest {
  @TempDir Path temp;

  @Test
  void aVideoDeclaringAHugeFrameIsASkipNotACrash() throws IOException {
    Path cohort = temp.resolve("cohort");
    new CohortWriter(Cohort.ADULT, 3, 32, 32, 25, List.of(EchoView.A4C), 2)
        .write(16, cohort, () -> { });
    String id = EchoNetDynamicDataset.load(cohort).samples(Split.TRAIN).get(0).id();
    Path video = cohort.resolve("Videos").resolve(id + ".avi");
    CraftedHeaders.declare(video, 16000, 16000);
    Path config = Files.writeString(temp.resolve("study.yaml"), "name: huge frame\n"
        + "max_skip_fraction: 0.5\n"
        + "sampling: {frames: 8, frame_step: 2, clips: 1, resolution: 32}\n"
        + "bootstrap: {resamples: 20}\n"
        + "datasets:\n  adult:\n    kind: echonet-dynamic\n    root: " + cohort + "\n"
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 8, lr: [0.001], wd: [0.01]}\n");
    Path out = temp.resolve("run");

    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = EchoBench.execute("run", config.toString(), "--out", out.toString(), "--device",
          "cpu");
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(Files.readString(out.resolve("run.json")))
        .contains("\"video\" : \"" + id + "\"")
        .contains("frame size 16000×16000 exceeds the limit of 4096×4096");
    assertThat(out.resolve("results.csv")).isNotEmptyFile();
  }
}
