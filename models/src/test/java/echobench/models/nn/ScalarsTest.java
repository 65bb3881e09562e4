package echobench.models.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gradients through scalar arithmetic must not change when the garbage collector runs between the
 * forward and the backward pass (with DJL's {@code Number} overloads they did: see {@link Scalars}).
 */
class ScalarsTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void aScalarIsZeroDimensionalInTheDataTypeOfItsModel() {
    NDArray x = manager.ones(new Shape(3), DataType.FLOAT32);
    NDArray half = Scalars.like(x, 0.5);
    assertThat(half.getShape()).isEqualTo(new Shape());
    assertThat(half.getDataType()).isEqualTo(DataType.FLOAT32);
    assertThat(half.getFloat()).isEqualTo(0.5f);
  }

  @Test
  void theGradientThroughAScalarSurvivesACollectionBeforeBackward() {
    NDArray x = manager.create(new float[] {1f, 2f, 3f});
    x.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray y = x.mul(Scalars.like(x, 0.5)).div(Scalars.like(x, 4)).sum();
      GarbageCollection.collectNow();
      collector.backward(y);
    }
    assertThat(x.getGradient().toFloatArray()).containsExactly(0.125f, 0.125f, 0.125f);
  }

  @Test
  void attentionGradientsDoNotDependOnACollectionBeforeBackward() {
    Attention attention = new Attention(new ParameterFactory(manager, 3), 8, 2, 0.02);
    Random random = new Random(5);
    float[] values = new float[2 * 5 * 8];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    NDArray x = manager.create(values, new Shape(2, 5, 8));
    List<float[]> undisturbed = gradients(attention, x, false);
    List<float[]> collected = gradients(attention, x, true);
    assertThat(collected).hasSameSizeAs(undisturbed);
    for (int i = 0; i < undisturbed.size(); i++) {
      assertThat(collected.get(i)).containsExactly(undisturbed.get(i));
    }
  }

  @SuppressWarnings("try") // the scope only owns what the step creates
  private List<float[]> gradients(Attention attention, NDArray x, boolean collectBeforeBackward) {
    List<NDArray> parameters = attention.parameterArrays();
    try (StepScope scope = StepScope.open(manager, parameters, List.of(x))) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = attention.forward(x).square().sum();
        if (collectBeforeBackward) {
          GarbageCollection.collectNow();
        }
        collector.backward(loss);
      }
      List<float[]> gradients =
          parameters.stream().map(p -> p.getGradient().toFloatArray()).toList();
      Gradients.zero(parameters);
      return gradients;
    }
  }
}
