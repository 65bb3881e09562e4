package echobench.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrimitivesTest {
  private NDManager manager;
  private ParameterFactory factory;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
    factory = new ParameterFactory(manager, 7);
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void linearComputesXWtPlusB() {
    Linear linear = new Linear(factory, 2, 1);
    linear.load(
        Map.of(
            "weight", manager.create(new float[] {2f, -1f}, new Shape(1, 2)),
            "bias", manager.create(new float[] {0.5f})));
    try (StepScope scope = StepScope.open(manager, linear.parameterArrays())) {
      NDArray x = scope.manager().create(new float[] {1f, 3f, 4f, 2f}, new Shape(1, 2, 2));
      assertThat(linear.forward(x).toFloatArray()).containsExactly(-0.5f, 6.5f);
    }
  }

  @Test
  void parametersCarryDottedStateDictNames() {
    TransformerBlock block = new TransformerBlock(factory, 8, 2, 16, 1);
    assertThat(block.parameters().keySet())
        .containsExactly(
            "norm1.weight", "norm1.bias", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight",
            "attn.proj.bias", "norm2.weight", "norm2.bias", "mlp.fc1.weight", "mlp.fc1.bias",
            "mlp.fc2.weight", "mlp.fc2.bias");
    assertThat(block.parameterCount()).isEqualTo(2 * 16 + 8 * 24 + 24 + 64 + 8 + 8 * 16 + 16 + 16 * 8 + 8);
  }

  @Test
  void layerNormWithoutAffineStandardisesTheLastAxis() {
    NDArray x = manager.create(new float[] {1f, 2f, 3f, 6f}, new Shape(1, 4));
    float[] y = LayerNorm.withoutAffine(x).toFloatArray();
    double mean = 3.0;
    double var = (4 + 1 + 0 + 9) / 4.0;
    assertThat((double) y[0]).isCloseTo((1 - mean) / Math.sqrt(var + 1e-6), within(1e-5));
    assertThat((double) y[3]).isCloseTo((6 - mean) / Math.sqrt(var + 1e-6), within(1e-5));
  }

  @Test
  void geluIsTheExactErfForm() {
    float g = Activation.gelu(manager.create(new float[] {1f})).getFloat(0);
    // 0.5·(1 + erf(1/√2)) = 0.8413447; the tanh approximation gives 0.8411920.
    assertThat((double) g).isCloseTo(0.8413447, within(2e-6));
  }

  @Test
  void maskedKeysDoNotInfluenceTheOutput() {
    Attention attention = new Attention(factory, 4, 2, 0.02);
    try (StepScope scope = StepScope.open(manager, attention.parameterArrays())) {
      NDManager m = scope.manager();
      NDArray a = m.randomNormal(new Shape(1, 3, 4));
      NDArray b = a.duplicate();
      b.set(new ai.djl.ndarray.index.NDIndex("0, 2, :"), 5f);
      NDArray mask = m.create(new boolean[] {false, false, true}, new Shape(1, 3));
      float[] ya = attention.forward(a, null, mask).get("0, 0:2, :").toFloatArray();
      float[] yb = attention.forward(b, null, mask).get("0, 0:2, :").toFloatArray();
      assertThat(ya).containsExactly(yb, within(1e-6f));
      float[] unmasked = attention.forward(b).get("0, 0:2, :").toFloatArray();
      assertThat(unmasked).isNotEqualTo(ya);
    }
  }

  @Test
  @SuppressWarnings("try")
  void adamWFitsALineAndZeroesGradients() {
    Linear linear = new Linear(factory, 1, 1);
    List<NDArray> params = linear.parameterArrays();
    try (AdamW adam = new AdamW(linear.parameters(), 0.0)) {
      float loss = 0;
      for (int step = 0; step < 300; step++) {
        try (StepScope scope = StepScope.open(manager, params)) {
          NDArray x = scope.manager().create(new float[] {-1f, 0f, 1f, 2f}, new Shape(4, 1));
          NDArray y = x.mul(2).add(1);
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray l = linear.forward(x).sub(y).square().mean();
            gc.backward(l);
            loss = l.getFloat();
          }
          adam.step(0.05);
        }
      }
      assertThat(loss).isLessThan(1e-4f);
      assertThat(linear.weight().getFloat(0, 0)).isCloseTo(2f, within(0.02f));
      assertThat(adam.stepCount()).isEqualTo(300);
      try (StepScope scope = StepScope.open(manager, params)) {
        assertThat(linear.weight().getGradient().toFloatArray()).containsOnly(0f);
      }
      assertThat(linear.weight().getManager()).isSameAs(manager);
    }
  }

  @Test
  @SuppressWarnings("try")
  void adamWFirstStepMovesEachWeightByLr() {
    // With bias correction the first Adam update is lr·sign(g) (up to eps), plus decay lr·wd·w.
    Linear linear = new Linear(factory, 2, 1);
    float[] before = linear.weight().toFloatArray();
    try (AdamW adam = new AdamW(linear.parameters(), 0.1)) {
      try (StepScope scope = StepScope.open(manager, linear.parameterArrays())) {
        NDArray x = scope.manager().create(new float[] {1f, -1f}, new Shape(1, 2));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          gc.backward(linear.forward(x).sum());
        }
      }
      adam.step(0.01);
    }
    float[] after = linear.weight().toFloatArray();
    assertThat((double) after[0]).isCloseTo(before[0] * (1 - 0.001) - 0.01, within(1e-6));
    assertThat((double) after[1]).isCloseTo(before[1] * (1 - 0.001) + 0.01, within(1e-6));
  }

  @Test
  void clippingScalesTheGlobalNorm() {
    Linear linear = new Linear(factory, 2, 1);
    try (StepScope scope = StepScope.open(manager, linear.parameterArrays())) {
      NDArray x = scope.manager().create(new float[] {3f, 4f}, new Shape(1, 2));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(linear.forward(x).sum());
      }
    }
    // gradients: weight (3, 4), bias 1 → norm √26
    double norm = Gradients.clipByGlobalNorm(linear.parameterArrays(), 1.0);
    assertThat(norm).isCloseTo(Math.sqrt(26), within(1e-5));
    assertThat(Gradients.globalNorm(linear.parameterArrays())).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void loadRejectsMismatchesNamingThem() {
    Linear linear = new Linear(factory, 2, 1);
    assertThatThrownBy(
            () -> linear.load(Map.of("weight", manager.zeros(new Shape(2, 2)), "extra", manager.zeros(new Shape(1)))))
        .hasMessageContaining("missing [bias]")
        .hasMessageContaining("unexpected [extra]")
        .hasMessageContaining("weight (2, 2) != expected (1, 2)");
  }

  @Test
  void copiedParametersOwnTheirStorage() {
    Linear source = new Linear(factory, 2, 2);
    Linear copy = new Linear(factory, 2, 2);
    copy.copyFrom(source);
    assertThat(copy.weight().toFloatArray()).containsExactly(source.weight().toFloatArray());
    source.weight().addi(1f);
    assertThat(copy.weight().getFloat(0, 0)).isCloseTo(source.weight().getFloat(0, 0) - 1f, within(1e-6f));
  }

  @Test
  void scheduleWarmsUpThenFollowsACosine() {
    LrSchedule s = new LrSchedule(0.0, 1.0, 0.1, 10, 110);
    assertThat(s.at(0)).isEqualTo(0.0);
    assertThat(s.at(5)).isCloseTo(0.5, within(1e-12));
    assertThat(s.at(10)).isCloseTo(1.0, within(1e-12));
    assertThat(s.at(60)).isCloseTo(0.55, within(1e-12));
    assertThat(s.at(110)).isCloseTo(0.1, within(1e-12));
  }
}
