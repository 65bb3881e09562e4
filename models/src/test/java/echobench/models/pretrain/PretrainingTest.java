package echobench.models.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.checkpoint.Checkpoint;
import echobench.models.encoder.VisionTransformer;
import echobench.models.nn.StepScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainingTest {
  private static final MovingEllipses DATA = new MovingEllipses(64, 8, 40, 5);

  @TempDir static Path shared;
  private static List<Double> jepaLosses;

  @BeforeAll
  static void pretrainJepaFor200Steps() throws IOException {
    PretrainConfig config = PretrainTestConfigs.micro("jepa", 200, 100);
    new PretrainingRun(config, DATA, shared.resolve("jepa"), Device.cpu()).run(false, (o, n) -> {});
    jepaLosses = losses(shared.resolve("jepa").resolve(PretrainingRun.LOSS_CSV));
  }

  private static List<Double> losses(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("step,loss,lr,ema");
    List<Double> values = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      values.add(Double.parseDouble(line.split(",")[1]));
    }
    return values;
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  @Test
  void jepaLossFallsByAThirdOver200Steps() {
    assertThat(jepaLosses).hasSize(200);
    double first = mean(jepaLosses.subList(0, 10));
    double last = mean(jepaLosses.subList(190, 200));
    assertThat(last).isLessThan(0.7 * first);
  }

  @Test
  void pooledFeaturesOfDifferentClipsDoNotCollapse() {
    try (NDManager m = NDManager.newBaseManager()) {
      VisionTransformer encoder = Checkpoint.load(shared.resolve("jepa").resolve("checkpoint"), m);
      List<float[]> clips = new ArrayList<>();
      float[] raw = new float[DATA.shape().length()];
      RandomResizedCrop centre = new RandomResizedCrop(1.0, 1.0, 1.0, 1.0);
      for (int i = 0; i < 16; i++) {
        DATA.fill(i, raw);
        clips.add(centre.apply(raw, DATA.shape(), 8, 32, new java.util.Random(0)));
      }
      try (StepScope scope = StepScope.open(m, encoder.parameterArrays())) {
        NDArray pooled =
            encoder.encode(encoder.inputSpec().toBatch(scope.manager(), clips, 1)).mean(new int[] {1});
        NDArray std = pooled.sub(pooled.mean(new int[] {0}, true)).square().mean(new int[] {0}).sqrt();
        // Layer-normed tokens have unit scale per token; a collapsed encoder gives ~0 across clips.
        assertThat(std.mean().getFloat()).isGreaterThan(0.05f);
        assertThat(std.min().getFloat()).isGreaterThan(0.002f);
      }
    }
  }

  @Test
  void emaMovesByExactlyTheScheduledMomentumAndTheTargetGetsNoGradient() {
    PretrainConfig config = PretrainTestConfigs.micro("jepa", 10, 10);
    try (JepaPretrainer jepa = new JepaPretrainer(config, Device.cpu());
        NDManager m = NDManager.newBaseManager()) {
      ClipBatches batches = new ClipBatches(DATA, config.crop(), jepa.exportedEncoder().inputSpec(), 8, 1);
      for (long step = 0; step < 3; step++) {
        NDArray online = jepa.contextEncoder().parameters().get("blocks.1.mlp.fc1.weight");
        NDArray target = jepa.exportedEncoder().parameters().get("blocks.1.mlp.fc1.weight");
        float targetBefore = target.getFloat(3, 5);
        StepOutcome o = jepa.step(batches.batch(m, step), step);
        assertThat(o.ema()).isEqualTo(0.99 + (0.999 - 0.99) * step / 10);
        double expected = o.ema() * targetBefore + (1 - o.ema()) * online.getFloat(3, 5);
        assertThat((double) target.getFloat(3, 5)).isCloseTo(expected, within(1e-7));
        if (step > 0) { // step 0 has learning rate 0 (warm-up start)
          assertThat(online.getFloat(3, 5)).isNotEqualTo(target.getFloat(3, 5));
        }
      }
      for (NDArray p : jepa.exportedEncoder().parameterArrays()) {
        assertThat(p.hasGradient()).isFalse();
      }
    }
  }

  @Test
  void maeLossFallsByAThirdOver200Steps() throws IOException {
    PretrainConfig config = PretrainTestConfigs.micro("mae", 200, 200);
    Path out = shared.resolve("mae");
    new PretrainingRun(config, DATA, out, Device.cpu()).run(false, (o, n) -> {});
    List<Double> loss = losses(out.resolve(PretrainingRun.LOSS_CSV));
    assertThat(mean(loss.subList(190, 200))).isLessThan(0.7 * mean(loss.subList(0, 10)));
    assertThat(Checkpoint.describe(out.resolve("checkpoint")).training().objective()).isEqualTo("mae");
  }

  @Test
  void anInterruptedRunResumesToTheSameWeights(@TempDir Path dir) throws IOException {
    PretrainConfig config = PretrainTestConfigs.micro("jepa", 6, 3);
    new PretrainingRun(config, DATA, dir.resolve("straight"), Device.cpu()).run(false, (o, n) -> {});
    PretrainingRun interrupted = new PretrainingRun(config, DATA, dir.resolve("resumed"), Device.cpu());
    assertThatThrownBy(
            () ->
                interrupted.run(
                    false,
                    (o, n) -> {
                      if (o.step() == 4) {
                        throw new IllegalStateException("power cut");
                      }
                    }))
        .hasMessage("power cut");
    PretrainSummary summary = interrupted.run(true, (o, n) -> {});
    assertThat(summary.stepsThisSession()).isEqualTo(3);
    assertThat(Files.readAllLines(dir.resolve("resumed").resolve(PretrainingRun.LOSS_CSV)))
        .isEqualTo(Files.readAllLines(dir.resolve("straight").resolve(PretrainingRun.LOSS_CSV)));
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> a = Checkpoint.load(dir.resolve("straight").resolve("checkpoint"), m).parameters();
      Map<String, NDArray> b = Checkpoint.load(dir.resolve("resumed").resolve("checkpoint"), m).parameters();
      a.forEach((k, v) -> assertThat(b.get(k).toFloatArray()).as(k).containsExactly(v.toFloatArray(), within(1e-6f)));
    }
  }

  @Test
  void resumingWithAnotherConfigIsRefused(@TempDir Path dir) throws IOException {
    new PretrainingRun(PretrainTestConfigs.micro("jepa", 2, 2), DATA, dir, Device.cpu()).run(false, (o, n) -> {});
    PretrainingRun other = new PretrainingRun(PretrainTestConfigs.micro("jepa", 4, 2), DATA, dir, Device.cpu());
    assertThatThrownBy(() -> other.run(true, (o, n) -> {})).hasMessageContaining("different config");
  }
}
