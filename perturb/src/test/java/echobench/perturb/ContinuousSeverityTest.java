package echobench.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuousSeverityTest {
  private static final List<String> CONTINUOUS = List.of(
      "attenuation-db", "rib-shadow", "speckle", "haze", "gain");

  @Test
  void alongIsTheTableAtWholeStrengthsLinearBetweenAndAlongTheLastStepPast() {
    double[] table = {0, 1, 3};
    assertThat(ContinuousSeverity.along(table, 1)).isEqualTo(1);
    assertThat(ContinuousSeverity.along(table, 2)).isEqualTo(3);
    assertThat(ContinuousSeverity.along(table, 0.25)).isEqualTo(0.25);
    assertThat(ContinuousSeverity.along(table, 1.5)).isEqualTo(2);
    assertThat(ContinuousSeverity.along(table, 2.5)).isEqualTo(4);
  }

  @Test
  void aWholeStrengthIsThePublishedSeverityBitForBit() {
    ScanMask mask = SuiteFixtures.fanMask();
    Clip clip = SuiteFixtures.moving(1, 4, 7);
    for (String name : CONTINUOUS) {
      ContinuousSeverity continuous = Perturbations.continuous(name).orElseThrow();
      PerturbationSpec spec = Perturbations.spec(name);
      for (int k = 1; k <= spec.maxSeverity(); k++) {
        Perturbation published = spec.at(k);
        Perturbation at = continuous.at(k, k);
        assertThat(at.name()).isEqualTo(name);
        assertThat(at.severity()).isEqualTo(k);
        assertThat(at.apply(clip, mask, 99).data()).as(name + " " + k)
            .isEqualTo(published.apply(clip, mask, 99).data());
      }
    }
  }

  @Test
  void aStrengthBetweenTwoSeveritiesLiesBetweenThemInEffect() {
    ScanMask mask = SuiteFixtures.fanMask();
    Clip clip = SuiteFixtures.still(1, 2, 3);
    for (String name : CONTINUOUS) {
      ContinuousSeverity continuous = Perturbations.continuous(name).orElseThrow();
      double two = SuiteFixtures.meanAbsDifference(clip, continuous.at(2, 2).apply(clip, mask, 5),
          mask);
      double between = SuiteFixtures.meanAbsDifference(clip,
          continuous.at(2, 2.5).apply(clip, mask, 5), mask);
      double three = SuiteFixtures.meanAbsDifference(clip,
          continuous.at(3, 3).apply(clip, mask, 5), mask);
      assertThat(between).as(name).isBetween(Math.min(two, three), Math.max(two, three));
      assertThat(two).as(name).isNotEqualTo(three);
    }
  }

  @Test
  void aStrengthOutsideTheFamilysRangeIsRefused() {
    ContinuousSeverity speckle = Perturbations.continuous("speckle").orElseThrow();
    assertThatThrownBy(() -> speckle.at(5, speckle.max() + 0.5))
        .isInstanceOf(InputException.class).hasMessageContaining("out of range for speckle");
    assertThatThrownBy(() -> speckle.at(1, 0)).isInstanceOf(InputException.class);
    assertThat(Perturbations.continuous("depth-exp")).isEmpty();
    assertThat(Perturbations.continuous("speckle-reduction")).isEmpty();
    assertThat(Perturbations.continuous("reverberation")).isEmpty();
  }
}
