package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.cli.EchoBench;
import echobench.harness.data.EchoView;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.harness.video.VideoInfo;
import echobench.harness.video.VideoReader;
import echobench.models.encoder.VitConfig;
import echobench.reports.io.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory preflight: its estimate against hand arithmetic, and a study refused in one line
 * naming the config or the video when one batch cannot fit the budget (a small budget injected
 * here stands for a small -Xmx).
 */
class MemoryPreflightTest {
  private static final Path CONFIG = Path.of("study.yaml");
  /** 8 frames of 32×32, one clip, 16 tokens of width 64, 2 blocks of 4 heads, MLP ratio 4. */
  private static final MemoryPreflight.EncoderShape ENCODER =
      new MemoryPreflight.EncoderShape("vit", 8, 32, 1, 16, 64, 2, 4, 4.0);
  private static final MemoryPreflight.ProbeShape PROBE = new MemoryPreflight.ProbeShape(8, 2, 4);

  @TempDir Path temp;

  private static MemoryPreflight.VideoSize grey(String name, int frames, int side) {
    return new MemoryPreflight.VideoSize(Path.of(name), new VideoInfo(frames, 25, side, side, true));
  }

  @Test
  void theEstimateIsTheDocumentedSum() {
    long p = 32L * 32 * 32; // 32 frames of 32×32
    MemoryPreflight.Estimate e = MemoryPreflight.estimate(
        List.of(grey("a.avi", 32, 32), grey("b.avi", 32, 32)), List.of(ENCODER), List.of(PROBE),
        1);

    long clips = 8 * 1 * 4 * 3 * 8 * 32 * 32; // chunk × clips × 4 bytes × RGB × f × r²
    long tokens = 8 * 8 * 1 * 16 * 64;         // 8 bytes (two copies) × chunk × clips × N × D
    long probeBatch = 4 * 8 * 1 * 16 * 64;     // 4 bytes × b × clips × N × D
    assertThat(e.configHeap()).isEqualTo(clips + tokens + probeBatch);
    assertThat(e.videoHeap()).isEqualTo(2 * 4 * p + (4 + 3) * p);
    long weights = 4 * 2 * 64 * 64 * (4 + 2 * 4);
    long forward = 4 * 8 * (3 * 8 * 32 * 32 + 16 * 64 * (6 + 4) + 4 * 16 * 16);
    long probeStep = 4 * 8 * 2 * (4 * 16 * 16 + 10 * 16 * 64);
    assertThat(forward).isGreaterThan(probeStep);
    assertThat(e.nativeBytes()).isEqualTo(weights + forward);
  }

  @Test
  void aMultiViewChunkHoldsEverySamplesVideos() {
    List<MemoryPreflight.VideoSize> videos = new java.util.ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      videos.add(grey("v" + i + ".avi", 32, 32));
    }
    MemoryPreflight.Estimate one =
        MemoryPreflight.estimate(videos, List.of(ENCODER), List.of(PROBE), 1);
    MemoryPreflight.Estimate two =
        MemoryPreflight.estimate(videos, List.of(ENCODER), List.of(PROBE), 2);

    // Eight samples of two views: sixteen decoded videos, twice the clips, tokens and mini-batch.
    assertThat(two.configHeap()).isEqualTo(2 * one.configHeap());
    assertThat(two.videoHeap() - one.videoHeap()).isEqualTo(8 * 4L * 32 * 32 * 32);
    assertThat(two.nativeBytes()).isEqualTo(one.nativeBytes());
  }

  @Test
  void aChunkHoldsTheEightLargestVideos() {
    List<MemoryPreflight.VideoSize> videos = new java.util.ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      videos.add(grey("v" + i + ".avi", i, 16));
    }
    MemoryPreflight.Estimate e = MemoryPreflight.estimate(videos, List.of(ENCODER), List.of(), 1);

    long plane = 16 * 16;
    long chunk = 4 * plane * (3 + 4 + 5 + 6 + 7 + 8 + 9 + 10);
    assertThat(e.videoHeap()).isEqualTo(chunk + (4 + 3) * 10 * plane);
    assertThat(e.largest().file()).isEqualTo(Path.of("v10.avi"));
  }

  @Test
  void aStudyThatFitsPasses() {
    List<MemoryPreflight.VideoSize> videos = List.of(grey("a.avi", 32, 32));
    MemoryPreflight.Estimate e =
        MemoryPreflight.estimate(videos, List.of(ENCODER), List.of(PROBE), 1);

    new MemoryPreflight(new MemoryPreflight.Budget(e.heap(), e.nativeBytes()))
        .check(CONFIG, videos, List.of(ENCODER), List.of(PROBE), 1);
  }

  @Test
  void aVideoTooLargeForTheHeapIsNamed() {
    List<MemoryPreflight.VideoSize> videos =
        List.of(grey("small.avi", 32, 32), grey("large.avi", 300, 1024));
    MemoryPreflight.Estimate e =
        MemoryPreflight.estimate(videos, List.of(ENCODER), List.of(PROBE), 1);

    assertThatThrownBy(() -> new MemoryPreflight(
        new MemoryPreflight.Budget(e.heap() - 1, e.nativeBytes()))
        .check(CONFIG, videos, List.of(ENCODER), List.of(PROBE), 1))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("large.avi: 300 frames of 1024×1024 grey decode to 1.17 GiB;")
        .hasMessageContaining("more than the " + MemoryPreflight.size(e.heap() - 1));
  }

  @Test
  void batchesTooLargeForTheHeapNameTheConfig() {
    MemoryPreflight.Estimate e = MemoryPreflight.estimate(List.of(), List.of(ENCODER),
        List.of(PROBE), 1);

    assertThatThrownBy(() -> new MemoryPreflight(
        new MemoryPreflight.Budget(e.configHeap() - 1, Long.MAX_VALUE))
        .check(CONFIG, List.of(), List.of(ENCODER), List.of(PROBE), 1))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("study.yaml: one batch's clips and tokens need about "
            + MemoryPreflight.size(e.configHeap()) + " of heap");
  }

  @Test
  void aForwardPassTooLargeForNativeMemoryNamesTheConfig() {
    MemoryPreflight.Estimate e = MemoryPreflight.estimate(List.of(), List.of(ENCODER),
        List.of(PROBE), 1);

    assertThatThrownBy(() -> new MemoryPreflight(
        new MemoryPreflight.Budget(Long.MAX_VALUE, e.nativeBytes() - 1))
        .check(CONFIG, List.of(), List.of(ENCODER), List.of(PROBE), 1))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("study.yaml: one batch needs about "
            + MemoryPreflight.size(e.nativeBytes()) + " of native memory");
  }

  @Test
  void sizesAreInBinaryUnits() {
    assertThat(MemoryPreflight.size(1000)).isEqualTo("1000 bytes");
    assertThat(MemoryPreflight.size(3L << 30)).isEqualTo("3.00 GiB");
    assertThat(MemoryPreflight.size(1536L << 10)).isEqualTo("1.50 MiB");
  }

  /** A study of real files: the video the run would decode is probed and named, nothing written. */
  @Test
  void aRunWithASmallBudgetIsRefusedBeforeDecodingAndNamesTheVideo() throws IOException {
    Path cohort = temp.resolve("cohort");
    new CohortWriter(Cohort.ADULT, 3, 32, 16, 25, List.of(EchoView.A4C), 2)
        .write(8, cohort, () -> { });
    Path config = Files.writeString(temp.resolve("study.yaml"), "name: preflight\n"
        + "sampling: {frames: 8, frame_step: 2, clips: 1, resolution: 32}\n"
        + "datasets:\n  adult:\n    kind: echonet-dynamic\n    root: " + cohort + "\n"
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 8, lr: [0.001], wd: [0.01]}\n");
    List<MemoryPreflight.VideoSize> videos;
    try (Stream<Path> files = Files.list(cohort.resolve("Videos"))) {
      videos = files.sorted().map(f -> new MemoryPreflight.VideoSize(f, VideoReader.probe(f)))
          .toList();
    }
    VitConfig micro = VitConfig.named("micro");
    MemoryPreflight.EncoderShape shape = new MemoryPreflight.EncoderShape("random", 8, 32, 1,
        micro.grid(8, 32, 32).size(), micro.embedDim(), micro.depth(), micro.heads(),
        micro.mlpRatio());
    MemoryPreflight.Estimate e = MemoryPreflight.estimate(videos, List.of(shape),
        List.of(new MemoryPreflight.ProbeShape(8, 0, 0)), 1);
    Path out = temp.resolve("run");

    assertThatThrownBy(() -> StudyRun.execute(config,
        new StudyRun.Options(out, "cpu", false, false),
        new MemoryPreflight.Budget(e.heap() - 1, Long.MAX_VALUE)))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(e.largest().file() + ": 16 frames of 32×32 grey decode to 64.0 KiB;")
        .hasMessageContaining("about " + MemoryPreflight.size(e.heap()) + " of heap");
    assertThat(out.resolve("results.csv")).doesNotExist();
    assertThat(out.resolve("predictions.csv")).doesNotExist();
  }

  /** Through the command line, with this JVM's real heap: 412 GiB of clips cannot fit. */
  @Test
  void theCommandLineRefusesABatchNoHeapHoldsInOneLine() throws IOException {
    Path config = Files.writeString(temp.resolve("huge.yaml"), "name: huge batches\n"
        + "sampling: {frames: 128, frame_step: 1, clips: 32, resolution: 1024}\n"
        + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 8, size: 32, frames: 8,"
        + " fps: 25}\n"
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 8, lr: [0.001], wd: [0.01]}\n");
    Path out = temp.resolve("runs/huge");
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
    List<String> lines = Arrays.stream(err.toString(StandardCharsets.UTF_8).split("\\R"))
        .filter(l -> !l.isBlank()).toList();

    assertThat(exit).as(lines.toString()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    // 8 videos × 32 clips × 4 bytes × 3 channels × 128 frames × 1024² = 412 GiB of clips alone
    // (and the attention over 128/2 × (1024/16)² = 262144 tokens exceeds any native memory).
    assertThat(lines).singleElement().asString()
        .startsWith("echobench: " + config + ": one batch").contains(" need");
    assertThat(out.resolve("results.csv")).doesNotExist();
  }
}
