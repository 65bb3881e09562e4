package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.MaskChoice;
import echobench.models.probe.FeatureStore;
import echobench.reports.Condition;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyConfigTest {
  private static final String MINIMAL = "name: minimal\n"
      + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 8}\n"
      + "train: adult\n"
      + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
      + "probes:\n  - {kind: attentive}\n";

  @TempDir Path temp;

  @Test
  void absentKeysTakeTheDocumentedDefaults() throws IOException {
    StudyConfig config = StudyConfig.read(write(MINIMAL));
    assertThat(config.seed()).isZero();
    assertThat(config.device()).isEqualTo("auto");
    assertThat(config.maxSkipFraction()).isEqualTo(0.01);
    assertThat(config.sampling()).isEqualTo(new SamplingConfig(16, 2, 2, 224));
    assertThat(config.bootstrap()).isEqualTo(new BootstrapConfig(1000, 0.95));
    assertThat(config.task()).isInstanceOf(echobench.harness.task.LvefTask.class);
    assertThat(config.mask()).isNull();
    assertThat(config.evaluate()).containsExactly("adult");
    assertThat(config.conditions()).containsExactly(Condition.CLEAN);
    AttentiveProbeSpec probe = (AttentiveProbeSpec) config.probes().get(0);
    assertThat(probe.name()).isEqualTo("attentive");
    assertThat(probe.epochs()).isEqualTo(20);
    assertThat(probe.lr()).containsExactly(1e-4, 5e-5);
    assertThat(probe.wd()).containsExactly(0.01, 0.1, 0.4);
    assertThat(probe.depth()).isEqualTo(4);
    assertThat(probe.heads()).isEqualTo(16);
    SyntheticSpec adult = (SyntheticSpec) config.datasets().get("adult");
    assertThat(adult.size()).isEqualTo(112);
    assertThat(adult.views()).containsExactly("A4C");
  }

  @Test
  void theShippedConfigsParse() {
    Path configs = SmokeConfig.path().getParent();
    for (String name : new String[] {"smoke.yaml", "quickstart.yaml", "echonet-robustness.yaml"}) {
      StudyConfig config = StudyConfig.read(configs.resolve(name));
      assertThat(config.models()).isNotEmpty();
    }
    StudyConfig smoke = StudyConfig.read(SmokeConfig.path());
    assertThat(smoke.conditions()).first().isEqualTo(Condition.CLEAN);
    assertThat(smoke.conditions()).contains(new Condition("depth-exp", 0),
        new Condition("shadow-gauss", 3));
    StudyConfig quickstart = StudyConfig.read(configs.resolve("quickstart.yaml"));
    assertThat(quickstart.maskFor("depth-exp")).isEqualTo(MaskChoice.FULL);
    assertThat(quickstart.maskFor("shadow-gauss")).isEqualTo(MaskChoice.FULL);
    assertThat(quickstart.maskFor("attenuation-db")).isEqualTo(MaskChoice.AUTO);
  }

  @Test
  void aModelNeedsExactlyOneSource() throws IOException {
    Path file = write(MINIMAL.replace("random_init: {encoder: micro}",
        "random_init: {encoder: micro}, checkpoint: zoo:x"));
    assertThatThrownBy(() -> StudyConfig.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("exactly one of pretrain");
  }

  @Test
  void keysThatDoNotFitTheKindAreErrors() throws IOException {
    Path dataset = write(MINIMAL.replace("count: 8}", "count: 8, root: somewhere}"));
    assertThatThrownBy(() -> StudyConfig.read(dataset))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'root' does not apply to a synthetic dataset");
    Path probe = write(MINIMAL.replace("{kind: attentive}", "{kind: linear, depth: 2}"));
    assertThatThrownBy(() -> StudyConfig.read(probe))
        .hasMessageContaining("key 'depth' does not apply to a linear probe (known: batch,"
            + " epochs, kind, lr, name, wd)");
  }

  @Test
  void perturbationsAreCheckedAgainstTheRegistry() throws IOException {
    Path unknown = write(MINIMAL + "perturbations:\n  - {name: fog, severities: [1]}\n");
    assertThatThrownBy(() -> StudyConfig.read(unknown))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown perturbation 'fog'");
    Path tooSevere = write(MINIMAL + "perturbations:\n  - {name: depth-exp, severities: [4]}\n");
    assertThatThrownBy(() -> StudyConfig.read(tooSevere))
        .hasMessageContaining("severity 4 is outside 0..3");
  }

  @Test
  void presetsDefaultToTheFullFrameTheSuiteToTheFittedFanAndEntriesMayOverride()
      throws IOException {
    String grid = "perturbations:\n"
        + "  - {name: depth-exp, severities: [1]}\n"
        + "  - {name: attenuation-db, severities: [2]}\n"
        + "  - {name: shadow-gauss+haze, severities: [1]}\n"
        + "  - {name: gain, severities: [1], mask: FULL}\n";
    StudyConfig defaults = StudyConfig.read(write(MINIMAL + grid));
    assertThat(defaults.perturbations()).extracting(PerturbationConfig::mask)
        .containsExactly("full", "auto", "auto", "full");
    assertThat(defaults.maskFor("attenuation-db")).isEqualTo(MaskChoice.AUTO);
    assertThat(defaults.masksInUse()).containsExactly(MaskChoice.AUTO, MaskChoice.FULL);
    assertThat(defaults.maskKey(Condition.CLEAN)).isEqualTo("unmasked, fans fitted");
    assertThat(defaults.maskKey(new Condition("depth-exp", 1))).isEqualTo("full, fans fitted");

    StudyConfig sector = StudyConfig.read(write(MINIMAL + "mask: sector\n" + grid));
    assertThat(sector.perturbations()).extracting(PerturbationConfig::mask)
        .containsExactly("sector", "sector", "sector", "full");
    assertThat(sector.maskKey(new Condition("gain", 1))).isEqualTo("full, no fans");
  }

  @Test
  void aPerturbationHasOneKnownMask() throws IOException {
    Path unknown =
        write(MINIMAL + "perturbations:\n  - {name: gain, severities: [1], mask: fan}\n");
    assertThatThrownBy(() -> StudyConfig.read(unknown))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("perturbation gain: 'mask' must be one of auto, full, sector, not");
    Path twice = write(MINIMAL + "perturbations:\n  - {name: gain, severities: [1]}\n"
        + "  - {name: gain, severities: [2], mask: full}\n");
    assertThatThrownBy(() -> StudyConfig.read(twice))
        .hasMessageContaining("perturbation gain is listed with mask auto and with mask full");
  }

  @Test
  void theFeatureStoreIsFloat16UnlessTheStudyAsksForFloat32() throws IOException {
    assertThat(StudyConfig.read(write(MINIMAL)).featureStore().storeDtype())
        .isEqualTo(FeatureStore.Dtype.FLOAT16);
    assertThat(StudyConfig.read(write(MINIMAL + "feature_store: {dtype: float32}\n"))
        .featureStore().storeDtype()).isEqualTo(FeatureStore.Dtype.FLOAT32);
    Path bad = write(MINIMAL + "feature_store: {dtype: int8}\n");
    assertThatThrownBy(() -> StudyConfig.read(bad))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("feature_store: dtype must be float16 or float32, not int8");
  }

  @Test
  void evaluatedDatasetsMustBeDeclared() throws IOException {
    Path file = write(MINIMAL + "evaluate: [adult, pediatric]\n");
    assertThatThrownBy(() -> StudyConfig.read(file))
        .hasMessageContaining("'evaluate' names pediatric");
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(temp, "study", ".yaml");
    Files.writeString(file, text);
    return file;
  }
}
