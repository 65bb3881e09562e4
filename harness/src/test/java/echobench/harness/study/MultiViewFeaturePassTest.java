package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import echobench.harness.MaskChoice;
import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.PatientViews;
import echobench.harness.data.Sample;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import echobench.models.probe.FeatureLayout;
import echobench.reports.Condition;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature pass on two-view (A4C, A2C) samples of a tiny synthetic biplane cohort: each view's
 * block of a sample's features is the single-view features of that video, and a condition scoped
 * to one view leaves the other view's features bit-identical to the clean ones.
 */
class MultiViewFeaturePassTest {
  private static final long RUN_SEED = 11;
  private static final List<String> VIEWS = List.of("A4C", "A2C");
  private static final Condition SHADOW = new Condition("shadow-gauss", 3);
  private static final Condition SHADOW_A4C = SHADOW.onView("A4C");
  private static final ClipSampler SAMPLER = new ClipSampler(4, 1, 2, 32);

  @TempDir static Path dir;
  private static List<Sample> singles;
  private static List<Sample> patients;

  @BeforeAll
  static void writeCohort() {
    new CohortWriter(Cohort.ADULT, 5, 32, 8, 25, CohortWriter.BIPLANE_VIEWS, 1, true)
        .write(2, dir, () -> { });
    singles = EchoNetDynamicDataset.load(dir).samples();
    patients = PatientViews.group(singles, CohortWriter.BIPLANE_VIEWS,
        dir.resolve(EchoNetDynamicDataset.FILE_LIST));
  }

  /** Features by (condition, sample id) and the tokens per clip the encoder returned. */
  private record Pass(Map<String, float[]> features, int tokensPerClip) {}

  private static Pass run(List<String> views, List<Sample> samples, List<Condition> conditions) {
    Map<String, float[]> features = new HashMap<>();
    int[] tokens = new int[1];
    try (NDManager manager = NDManager.newBaseManager(Device.cpu());
        StudyEncoder encoder = new StudyEncoder("micro", "micro",
            new VisionTransformer(new ParameterFactory(manager, 3), VitConfig.named("micro")),
            InputSpec.imagenet(4, 32, 32), SAMPLER, Map.of())) {
      FeaturePass pass = new FeaturePass(List.of(encoder), p -> MaskChoice.FULL,
          Set.of(MaskChoice.FULL), RUN_SEED, new SkipPolicy(0), manager);
      pass.run("biplane", views, samples, conditions, (e, c) -> true,
          (e, condition, chunk, perSample, tokensPerClip) -> {
            for (int s = 0; s < chunk.size(); s++) {
              features.put(condition.label() + " " + chunk.get(s).id(), perSample.get(s));
            }
            tokens[0] = tokensPerClip;
          }, done -> { });
    }
    return new Pass(features, tokens[0]);
  }

  @Test
  void viewBlocksAreTheSingleViewFeaturesAndAScopedConditionSparesTheOtherView() {
    assertThat(patients).hasSize(2);
    Pass single = run(List.of(), singles, List.of(Condition.CLEAN, SHADOW));
    Pass multi = run(VIEWS, patients, List.of(Condition.CLEAN, SHADOW, SHADOW_A4C));
    int dim = VitConfig.named("micro").embedDim();
    FeatureLayout layout = new FeatureLayout(2, SAMPLER.clips(), multi.tokensPerClip(), dim);
    int perView = layout.offset(1, 0);
    for (Sample patient : patients) {
      float[] clean = multi.features().get("clean " + patient.id());
      float[] all = multi.features().get(SHADOW.label() + " " + patient.id());
      float[] a4cOnly = multi.features().get(SHADOW_A4C.label() + " " + patient.id());
      assertThat(clean).hasSize(layout.sampleFloats());
      for (int k = 0; k < 2; k++) {
        String video = patient.videoIds().get(k);
        assertThat(view(clean, k, perView)).as("clean %s", video)
            .containsExactly(single.features().get("clean " + video));
        assertThat(view(all, k, perView)).as("shadow on every view, %s", video)
            .containsExactly(single.features().get(SHADOW.label() + " " + video));
      }
      // Scoped to A4C: the A4C video draws as it does alone, the A2C one stays clean bit for bit.
      assertThat(view(a4cOnly, 0, perView)).isEqualTo(view(all, 0, perView));
      assertThat(view(a4cOnly, 0, perView)).isNotEqualTo(view(clean, 0, perView));
      assertThat(view(a4cOnly, 1, perView)).isEqualTo(view(clean, 1, perView));
    }
  }

  @Test
  void aConditionScopedToAnAbsentViewIsRefused() {
    assertThatThrownBy(() -> run(VIEWS, patients, List.of(SHADOW.onView("PLAX"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shadow-gauss@3[PLAX]");
  }

  private static float[] view(float[] features, int view, int perView) {
    return Arrays.copyOfRange(features, view * perView, (view + 1) * perView);
  }
}
