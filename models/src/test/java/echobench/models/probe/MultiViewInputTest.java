package echobench.models.probe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.models.checkpoint.SafeTensors;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.StepScope;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiViewInputTest {
  /** Two views (say apical and subcostal), two clips each, three tokens of width 8. */
  private static final FeatureLayout LAYOUT = new FeatureLayout(2, 2, 3, 8);

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static float[] noise(Random random, int length) {
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  /** Studies whose label is the mean of the first channel over the apical view's tokens. */
  private static FeatureSet studies(int count, long seed, boolean subcostalMissing) {
    Random random = new Random(seed);
    FeatureSet.Builder set = FeatureSet.builder(LAYOUT, ProbeTask.regression());
    for (int s = 0; s < count; s++) {
      float[] tokens = noise(random, LAYOUT.sampleFloats());
      double sum = 0;
      for (int i = 0; i < LAYOUT.offset(1, 0); i += LAYOUT.dim()) {
        sum += tokens[i];
      }
      boolean missing = subcostalMissing && s % 2 == 0;
      if (missing) {
        Arrays.fill(tokens, LAYOUT.offset(1, 0), tokens.length, 0f);
      }
      float label = (float) (30 + 5 * sum / (LAYOUT.clips() * LAYOUT.tokens()));
      set.add(new FeatureSample("study" + s, tokens, new boolean[] {true, !missing}, label));
    }
    return set.build();
  }

  @Test
  void eachStreamGetsItsViewAndClipEmbedding() {
    MultiViewInput input = new MultiViewInput(new ParameterFactory(manager, 1), LAYOUT);
    float[] views = input.parameters().get("view_embed").toFloatArray();
    float[] clips = input.parameters().get("clip_embed").toFloatArray();
    try (StepScope scope = StepScope.open(manager, input.parameterArrays())) {
      int length = LAYOUT.views() * LAYOUT.clips() * LAYOUT.tokens();
      float[] out = input.embed(scope.manager().zeros(new Shape(1, length, 8))).toFloatArray();
      for (int v = 0; v < 2; v++) {
        for (int c = 0; c < 2; c++) {
          for (int t = 0; t < 3; t++) {
            int row = LAYOUT.offset(v, c) + t * 8;
            for (int d = 0; d < 8; d++) {
              assertThat(out[row + d]).isEqualTo(views[v * 8 + d] + clips[c * 8 + d]);
            }
          }
        }
      }
    }
  }

  @Test
  void paddingMaskCoversEveryTokenOfAnAbsentView() {
    boolean[] mask =
        MultiViewInput.keyPaddingMask(manager, LAYOUT, new boolean[][] {{true, false}, {true, true}})
            .toBooleanArray();
    for (int i = 0; i < 12; i++) {
      assertThat(mask[i]).isEqualTo(i >= 6);
      assertThat(mask[12 + i]).isFalse();
    }
  }

  @Test
  void viewDropoutDropsPresentViewsAtTheRateAndKeepsOne() {
    Random random = new Random(3);
    int trials = 20_000;
    int[] dropped = new int[3];
    for (int i = 0; i < trials; i++) {
      boolean[] kept = MultiViewInput.dropViews(new boolean[] {true, true, true}, 0.1, random);
      for (int v = 0; v < 3; v++) {
        dropped[v] += kept[v] ? 0 : 1;
      }
      boolean[] lone = MultiViewInput.dropViews(new boolean[] {false, true, false}, 0.99, random);
      assertThat(lone).containsExactly(false, true, false);
    }
    for (int v = 0; v < 3; v++) {
      assertThat((double) dropped[v] / trials).isBetween(0.09, 0.11);
    }
    boolean[] none = MultiViewInput.dropViews(new boolean[] {true, false}, 0.0, random);
    assertThat(none).containsExactly(true, false);
  }

  @Test
  void anAbsentViewsTokensDoNotChangeTheOutput() {
    AttentiveHead head =
        new AttentiveHead(
            new ParameterFactory(manager.newSubManager(), 2),
            ProbeTask.regression(),
            LAYOUT,
            new AttentiveProbeConfig(2, 2, 2.0));
    Random random = new Random(4);
    int length = LAYOUT.views() * LAYOUT.clips() * LAYOUT.tokens();
    float[] study = noise(random, LAYOUT.sampleFloats());
    float[] alteredAbsent = study.clone();
    float[] alteredPresent = study.clone();
    for (int i = LAYOUT.offset(1, 0); i < study.length; i++) {
      alteredAbsent[i] = 100 * (float) random.nextGaussian();
    }
    alteredPresent[0] += 1f;
    try (StepScope scope = StepScope.open(manager, head.parameterArrays())) {
      NDManager m = scope.manager();
      NDArray mask = MultiViewInput.keyPaddingMask(m, LAYOUT, new boolean[][] {{true, false}});
      Shape shape = new Shape(1, length, 8);
      float base = head.forward(m.create(study, shape), mask).getFloat();
      assertThat(head.forward(m.create(alteredAbsent, shape), mask).getFloat()).isEqualTo(base);
      assertThat(head.forward(m.create(alteredPresent, shape), mask).getFloat()).isNotEqualTo(base);
      assertThat(head.forward(m.create(alteredAbsent, shape), null).getFloat()).isNotEqualTo(base);
    }
    head.close();
  }

  @Test
  void trainsWithMissingViewsAndReloadsIdentically(@TempDir Path dir) throws Exception {
    FeatureSet train = studies(48, 1, true);
    FeatureSet validation = studies(16, 2, true);
    ProbeTraining training = new ProbeTraining(3, 16, List.of(1e-3), List.of(0.05), 0.1, 7);
    AttentiveProbeConfig config = new AttentiveProbeConfig(2, 2, 2.0);
    try (AttentiveProbe probe = AttentiveProbe.train(train, validation, config, training, manager)) {
      assertThat(probe.description().attentive().depth()).isEqualTo(2);
      probe.save(dir.resolve("multi"));
      try (NDManager reading = manager.newSubManager()) {
        assertThat(SafeTensors.read(dir.resolve("multi/weights.safetensors"), reading))
            .containsKeys("slots.view_embed", "slots.clip_embed", "pooler.query_tokens",
                "pooler.blocks.0.attn.qkv.weight", "pooler.cross_attention_block.xattn.kv.weight",
                "regressor.weight");
      }
      try (Probe loaded = Probe.load(dir.resolve("multi"), manager)) {
        assertThat(loaded.predict(validation).outputs())
            .isDeepEqualTo(probe.predict(validation).outputs());
      }
    }
  }
}
