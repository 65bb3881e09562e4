package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.models.probe.ProbeTask;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stratified label subsets: sizes, strata, determinism, and the study keys that ask for them. */
class StratifiedDrawTest {
  /** 20 EFs: 4 reduced (≤ 40), 6 mildly reduced (40–50), 10 normal (≥ 50). */
  private static final float[] EF = {
    30, 55, 62, 45, 40, 58, 41, 70, 35, 49.9f, 50, 60, 25, 47, 65, 44, 52, 57, 43, 68
  };

  @TempDir Path temp;

  @Test
  void keepsTheShareOfEveryLvefCategoryRoundedAndAtLeastOne() {
    // 10 %: reduced max(1, round(0.4)) = 1, mildly max(1, round(0.6)) = 1, normal round(1.0) = 1.
    assertThat(strata(StratifiedDraw.indices(EF, ProbeTask.regression(), 0.1, 7)))
        .containsExactly(1, 1, 1);
    // 50 %: 2, 3, 5.
    assertThat(strata(StratifiedDraw.indices(EF, ProbeTask.regression(), 0.5, 7)))
        .containsExactly(2, 3, 5);
    assertThat(StratifiedDraw.indices(EF, ProbeTask.regression(), 1.0, 7))
        .containsExactly(java.util.stream.IntStream.range(0, EF.length).toArray());
  }

  @Test
  void theCategoryBoundsAreTheClinicalOnes() {
    ProbeTask t = ProbeTask.regression();
    assertThat(StratifiedDraw.stratum(40f, t)).isEqualTo(0);
    assertThat(StratifiedDraw.stratum(40.01f, t)).isEqualTo(1);
    assertThat(StratifiedDraw.stratum(49.99f, t)).isEqualTo(1);
    assertThat(StratifiedDraw.stratum(50f, t)).isEqualTo(2);
  }

  @Test
  void classesAreStrataAndAbsentClassesStayAbsent() {
    float[] views = {0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2};
    int[] drawn = StratifiedDraw.indices(views, ProbeTask.classification(4), 0.25, 3);
    long zeros = Arrays.stream(drawn).filter(i -> views[i] == 0).count();
    long twos = Arrays.stream(drawn).filter(i -> views[i] == 2).count();
    assertThat(zeros).isEqualTo(2);
    assertThat(twos).isEqualTo(1);
    assertThat(drawn).hasSize(3);
  }

  @Test
  void theSameSeedDrawsTheSameIndicesInStoreOrderAndAnotherSeedOthers() {
    int[] a = StratifiedDraw.indices(EF, ProbeTask.regression(), 0.5, 11);
    assertThat(StratifiedDraw.indices(EF, ProbeTask.regression(), 0.5, 11)).containsExactly(a);
    assertThat(a).isSorted().doesNotHaveDuplicates();
    boolean differs = false;
    for (long seed = 12; seed < 15; seed++) {
      differs |= !Arrays.equals(a, StratifiedDraw.indices(EF, ProbeTask.regression(), 0.5, seed));
    }
    assertThat(differs).isTrue();
  }

  @Test
  void labelSeedsDeriveDistinctRecordedDrawSeedsFromTheRunSeed() {
    long a = new LabelSubset(0.1, 1).drawSeed(0);
    assertThat(new LabelSubset(0.1, 1).drawSeed(0)).isEqualTo(a);
    assertThat(List.of(new LabelSubset(0.1, 2).drawSeed(0), new LabelSubset(0.01, 1).drawSeed(0),
        new LabelSubset(0.1, 1).drawSeed(1))).doesNotContain(a).doesNotHaveDuplicates();
    assertThat(LabelSubset.ALL.key("k")).isEqualTo("k");
    assertThat(new LabelSubset(0.1, 1).key("k")).isNotEqualTo("k")
        .isNotEqualTo(new LabelSubset(0.1, 2).key("k"));
  }

  @Test
  void theStudyKeysGiveAllOfTrainFirstThenEverySharePerSeed() throws IOException {
    StudyConfig plain = StudyConfig.read(write(""));
    assertThat(plain.labelSubsets()).containsExactly(LabelSubset.ALL);
    assertThat(plain.fineTuned()).isEmpty();
    StudyConfig config = StudyConfig.read(write(
        "label_fractions: [0.01, 0.1, 1.0]\nlabel_seeds: 2\nfine_tune: [pediatric]\n"));
    assertThat(config.labelSubsets()).containsExactly(LabelSubset.ALL,
        new LabelSubset(0.01, 1), new LabelSubset(0.01, 2), new LabelSubset(0.1, 1),
        new LabelSubset(0.1, 2));
    assertThat(config.fineTuned()).containsExactly("pediatric");
    assertThat(config.labelSubsets().get(1).suffix()).isEqualTo("@labels=0.01:seed=1");
  }

  @Test
  void badKeysAreOneLineNamingTheFile() throws IOException {
    for (String[] bad : List.of(
        new String[] {"label_fractions: [0]\n", "'label_fractions' must each lie in (0, 1]"},
        new String[] {"label_fractions: [0.1, 0.1]\n", "lists a share twice"},
        new String[] {"label_seeds: 0\n", "'label_seeds' must lie in 1..100"},
        new String[] {"fine_tune: [adult]\n", "'fine_tune' names adult"})) {
      Path file = write(bad[0]);
      assertThatThrownBy(() -> StudyConfig.read(file)).isInstanceOf(InputException.class)
          .hasMessageStartingWith(file + ":").hasMessageContaining(bad[1]);
    }
  }

  private Path write(String extra) throws IOException {
    Path file = Files.createTempFile(temp, "study", ".yaml");
    Files.writeString(file, "name: keys\n"
        + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 8}\n"
        + "  pediatric: {kind: synthetic, cohort: pediatric, count: 8}\n"
        + "train: adult\nevaluate: [adult, pediatric]\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: knn}\n" + extra);
    return file;
  }

  /** How many of {@code drawn} fall in each LVEF category of {@link #EF}. */
  private static List<Integer> strata(int[] drawn) {
    int[] counts = new int[3];
    for (int i : drawn) {
      counts[StratifiedDraw.stratum(EF[i], ProbeTask.regression())]++;
    }
    return List.of(counts[0], counts[1], counts[2]);
  }
}
