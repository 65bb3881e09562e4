package echobench.models.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import echobench.models.bench.BenchResults.Report;
import echobench.models.encoder.VitConfig;
import echobench.models.pretrain.PredictorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelBenchTest {
  @Test
  void blockFlopsCountEveryProduct() {
    // n = 2 tokens, d = 4, hidden 8: qkv 2·2·4·12 + proj 2·2·4·4 + mlp 2·2·2·4·8 + attention 2·2·2·2·4
    assertThat(MatmulFlops.block(2, 4, 8)).isEqualTo(192 + 64 + 256 + 64);
  }

  @Test
  void aJepaStepCountsTargetForwardAndTrainedContextAndPredictor() {
    VitConfig c = VitConfig.named("micro");
    PredictorSpec p = new PredictorSpec(32, 1, 2);
    double expected =
        MatmulFlops.inference(c, 1, 10)
            + 2 * MatmulFlops.embedding(c, 10)
            + 3 * MatmulFlops.encoderBlocks(c, 4)
            + 3 * MatmulFlops.predictor(p, 64, 64, 4, 6);
    assertThat(MatmulFlops.jepaStep(c, p, 1, 10, new int[] {4}, new int[] {6})).isEqualTo(expected);
  }

  @Test
  void reportsPositiveRatesAgainstTheCeiling() {
    Report report = new ModelBench(Device.cpu(), 4, 64).run(List.of("micro"), 2, 1);
    assertThat(report.ceiling().gflops()).isPositive();
    assertThat(report.training()).singleElement().satisfies(t -> {
      assertThat(t.tokens()).isEqualTo(2 * 4 * 4);
      assertThat(t.stepsPerSecond()).isPositive();
      assertThat(t.ceilingFraction()).isCloseTo(t.gflops() / report.ceiling().gflops(), within(1e-12));
    });
    assertThat(report.inference().get(0).clipsPerSecond()).isPositive();
  }
}
