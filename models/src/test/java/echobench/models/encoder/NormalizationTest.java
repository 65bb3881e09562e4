package echobench.models.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.nn.ParameterFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The built-in normalisations on a fixed two-pixel clip against values worked out by hand, and the
 * property that makes EchoJEPA's batch-dependent normalisation bug impossible here: a clip's
 * normalised input and its features do not change with the clips it is batched with, however dark
 * or bright they are.
 */
class NormalizationTest {
  /** One frame of 1×2 RGB pixels, C×T×H×W: pixel 0 is (0, 0.5, 1), pixel 1 is (1, 0.25, 0). */
  private static final float[] TWO_PIXELS = {0f, 1f, 0.5f, 0.25f, 1f, 0f};

  @Test
  void imagenetIsPixelMinusMeanOverStdPerChannel() {
    // R: (0 − 0.485)/0.229, (1 − 0.485)/0.229; G: (0.5 − 0.456)/0.224, (0.25 − 0.456)/0.224;
    // B: (1 − 0.406)/0.225, (0 − 0.406)/0.225
    assertNormalised(Normalization.IMAGENET,
        -2.117904f, 2.248908f, 0.1964286f, -0.9196429f, 2.64f, -1.804444f);
  }

  @Test
  void panEchoUsesTheImagenetStatistics() {
    assertNormalised(Normalization.named("panecho"),
        -2.117904f, 2.248908f, 0.1964286f, -0.9196429f, 2.64f, -1.804444f);
  }

  @Test
  void echoPrimeScalesTo255BeforeItsStatistics() {
    // R: (0·255 − 29.110628)/47.989223, (255 − 29.110628)/47.989223;
    // G: (127.5 − 28.076836)/46.456997, (63.75 − 28.076836)/46.456997;
    // B: (255 − 29.096405)/47.20083, (0 − 29.096405)/47.20083
    assertNormalised(Normalization.ECHOPRIME,
        -0.6066076f, 4.707085f, 2.140112f, 0.7678749f, 4.786009f, -0.6164384f);
  }

  @Test
  void noneLeavesPixelsAsTheyAre() {
    assertNormalised(Normalization.NONE, 0f, 1f, 0.5f, 0.25f, 1f, 0f);
  }

  @Test
  void aGreyClipIsReplicatedToRgbBeforeTheStatistics() {
    InputSpec spec = Normalization.IMAGENET.spec(1, 1, 1);
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] out = spec.toBatch(manager, List.of(new float[] {0.5f}), 1).toFloatArray();
      // (0.5 − 0.485)/0.229, (0.5 − 0.456)/0.224, (0.5 − 0.406)/0.225
      assertThat(out).containsExactly(new float[] {0.06550218f, 0.1964286f, 0.4177778f},
          within(1e-6f));
    }
  }

  @Test
  void aClipsNormalisedInputDoesNotDependOnItsBatchMates() {
    Random random = new Random(11);
    for (Normalization n : List.of(Normalization.IMAGENET, Normalization.ECHOPRIME,
        Normalization.NONE)) {
      InputSpec spec = n.spec(2, 4, 4);
      try (NDManager manager = NDManager.newBaseManager()) {
        for (int trial = 0; trial < 20; trial++) {
          float[] clip = randomClip(random, spec, 1f);
          float[] alone = spec.toBatch(manager, List.of(clip), 3).toFloatArray();
          List<float[]> batch = batchAround(clip, random, spec);
          float[] all = spec.toBatch(manager, batch, 3).toFloatArray();
          int at = batch.indexOf(clip) * alone.length;
          assertThat(Arrays.copyOfRange(all, at, at + alone.length)).as("%s trial %d", n, trial)
              .containsExactly(alone);
        }
      }
    }
  }

  @Test
  void aClipsViTFeaturesDoNotDependOnItsBatchMates() {
    InputSpec spec = InputSpec.imagenet(4, 32, 32);
    Random random = new Random(12);
    try (NDManager manager = NDManager.newBaseManager();
        VisionTransformer vit =
            new VisionTransformer(new ParameterFactory(manager, 3), VitConfig.named("micro"))) {
      assertBatchIndependent(vit, spec, random, manager);
    }
  }

  @Test
  void aClipsTorchScriptFeaturesDoNotDependOnItsBatchMates() throws URISyntaxException {
    InputSpec spec = Normalization.NONE.spec(4, 16, 16);
    Path fixture = Path.of(
        NormalizationTest.class.getResource("/torchscript/tiny_encoder.pt").toURI());
    Random random = new Random(13);
    try (TorchScriptEncoder encoder = TorchScriptEncoder.load(fixture, spec, Device.cpu());
        NDManager manager = NDManager.newBaseManager()) {
      assertBatchIndependent(encoder, spec, random, manager);
    }
  }

  /** Encodes random clips alone and among dark, bright, black and white batch-mates. */
  private static void assertBatchIndependent(VideoEncoder encoder, InputSpec spec, Random random,
      NDManager manager) {
    for (int trial = 0; trial < 5; trial++) {
      float[] clip = randomClip(random, spec, 1f);
      float[] alone = encode(encoder, spec, List.of(clip), manager);
      List<float[]> batch = batchAround(clip, random, spec);
      float[] all = encode(encoder, spec, batch, manager);
      int at = batch.indexOf(clip) * alone.length;
      float[] inBatch = Arrays.copyOfRange(all, at, at + alone.length);
      for (int i = 0; i < alone.length; i++) {
        assertThat(inBatch[i]).as("trial %d value %d", trial, i)
            .isCloseTo(alone[i], within(1e-5f * Math.max(1f, Math.abs(alone[i]))));
      }
    }
  }

  private static float[] encode(VideoEncoder encoder, InputSpec spec, List<float[]> clips,
      NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray batch = spec.toBatch(scope, clips, 3);
      return encoder.encode(batch).toFloatArray();
    }
  }

  /**
   * {@code clip} placed among batch-mates that would flip a content-dependent rule (EchoJEPA's
   * baseline adapters divided by 255 only when the batch maximum exceeded 2): a dark clip (values
   * below 0.1), an all-black and an all-white one, and another random clip.
   */
  private static List<float[]> batchAround(float[] clip, Random random, InputSpec spec) {
    List<float[]> batch = new ArrayList<>();
    batch.add(randomClip(random, spec, 0.1f));
    batch.add(new float[clip.length]);
    batch.add(clip);
    float[] white = new float[clip.length];
    Arrays.fill(white, 1f);
    batch.add(white);
    batch.add(randomClip(random, spec, 1f));
    return batch;
  }

  private static float[] randomClip(Random random, InputSpec spec, float max) {
    float[] clip = new float[spec.clipLength()];
    for (int i = 0; i < clip.length; i++) {
      clip[i] = random.nextFloat() * max;
    }
    return clip;
  }

  private static void assertNormalised(Normalization n, float... expected) {
    InputSpec spec = n.spec(1, 1, 2);
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] out = spec.toBatch(manager, List.of(TWO_PIXELS), 3).toFloatArray();
      assertThat(out).containsExactly(expected, within(2e-6f));
    }
  }
}
