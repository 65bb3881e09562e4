package echobench.models.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv3d;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.StepScope;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisionTransformerTest {
  private static final VitConfig MICRO = VitConfig.named("micro").withTokens(2, 8).withInput(4, 16);

  @Test
  void namedSizesMatchVJepa() {
    assertThat(VitConfig.named("small")).isEqualTo(new VitConfig(384, 12, 6, 4.0, 2, 16, 16, 224));
    assertThat(VitConfig.named("large").mlpHidden()).isEqualTo(4096);
    assertThatThrownBy(() -> VitConfig.named("huge")).hasMessageContaining("micro, mini, mini-wide, tiny");
  }

  @Test
  void tubeletEmbeddingEqualsAStridedConv3d() {
    try (NDManager m = NDManager.newBaseManager()) {
      VisionTransformer vit = new VisionTransformer(new ParameterFactory(m, 1), MICRO);
      NDArray weight = vit.parameters().get("patch_embed.proj.weight");
      NDArray bias = vit.parameters().get("patch_embed.proj.bias");
      assertThat(weight.getShape()).isEqualTo(new Shape(64, 3, 2, 8, 8));
      try (StepScope scope = StepScope.open(m, vit.parameterArrays())) {
        NDArray clips = scope.manager().randomNormal(new Shape(2, 3, 4, 16, 16));
        NDArray conv =
            Conv3d.conv3d(
                    clips, weight, bias, new Shape(2, 8, 8), new Shape(0, 0, 0), new Shape(1, 1, 1), 1)
                .singletonOrThrow(); // [B, D, 2, 2, 2]
        NDArray expected = conv.reshape(2, 64, 8).transpose(0, 2, 1);
        NDArray tokens = new TubeletEmbedding(new ParameterFactory(scope.manager(), 1), MICRO).forward(clips);
        assertThat(tokens.getShape()).isEqualTo(new Shape(2, 8, 64));
        assertThat(tokens.toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-4f));
      }
    }
  }

  @Test
  void keepingEveryTokenInOrderEqualsTheFullForward() {
    try (NDManager m = NDManager.newBaseManager()) {
      VisionTransformer vit = new VisionTransformer(new ParameterFactory(m, 3), MICRO);
      try (StepScope scope = StepScope.open(m, vit.parameterArrays())) {
        NDArray clips = scope.manager().randomNormal(new Shape(2, 3, 4, 16, 16));
        NDArray full = vit.encode(clips);
        assertThat(full.getShape()).isEqualTo(new Shape(2, 8, 64));
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
        NDArray kept = vit.forward(clips, new int[][] {all, all});
        assertThat(kept.toFloatArray()).containsExactly(full.toFloatArray(), within(1e-5f));
        // A subset is a different computation (fewer tokens attend), but its shape follows keep.
        NDArray some = vit.forward(clips, new int[][] {{7, 1, 2}, {0, 3, 6}});
        assertThat(some.getShape()).isEqualTo(new Shape(2, 3, 64));
        assertThat(full.getManager()).isSameAs(scope.manager());
        assertThat(full.hasGradient()).isFalse();
      }
    }
  }

  @Test
  void selectTokensGathersPerSample() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray tokens = m.arange(2 * 3 * 2f).reshape(2, 3, 2);
      NDArray picked = VisionTransformer.selectTokens(tokens, new int[][] {{2, 0}, {1, 1}});
      assertThat(picked.toFloatArray()).containsExactly(4, 5, 0, 1, 8, 9, 8, 9);
    }
  }

  @Test
  void inputSpecReplicatesGreyAndNormalises() {
    InputSpec spec = InputSpec.imagenet(1, 1, 2);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray batch = spec.toBatch(m, List.of(new float[] {0f, 1f}), 1);
      assertThat(batch.getShape()).isEqualTo(new Shape(1, 3, 1, 1, 2));
      float[] v = batch.toFloatArray();
      assertThat((double) v[0]).isCloseTo(-0.485 / 0.229, within(1e-5));
      assertThat((double) v[5]).isCloseTo((1 - 0.406) / 0.225, within(1e-5));
    }
  }
}
