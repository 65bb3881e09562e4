package echobench.harness.study;

import echobench.models.probe.FeatureSource;
import echobench.models.probe.FeatureSubset;
import echobench.perturb.Seeds;
import echobench.reports.TrainingVariant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * One training set of the probes (label efficiency, issue 16): all of TRAIN, or the {@link
 * StratifiedDraw stratified} share {@code fraction} of it drawn by label seed {@code seed}. A
 * subset is a list of indices into the TRAIN feature store, so nothing is encoded again; its draw
 * seed derives from the run seed, the fraction and the label seed, and {@code run.json} records
 * it. Tables name a subset's probe with the {@link TrainingVariant} suffix.
 *
 * @param fraction the share of TRAIN, in (0, 1]
 * @param seed the label seed, 1 and up (1 for all of TRAIN)
 */
record LabelSubset(double fraction, int seed) {
  /** All of TRAIN. */
  static final LabelSubset ALL = new LabelSubset(1, 1);
  /** The most label seeds a study may ask for. */
  static final int MAX_SEEDS = 100;

  /** @throws IllegalArgumentException for a fraction outside (0, 1] or a seed below 1 */
  LabelSubset {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("label_fractions: each must lie in (0, 1], not "
          + fraction);
    }
    if (seed < 1 || fraction == 1 && seed != 1) {
      throw new IllegalArgumentException("label seed " + seed + " of fraction " + fraction);
    }
  }

  /**
   * Checks the study keys {@code label_fractions} and {@code label_seeds} (null when absent).
   *
   * @throws IllegalArgumentException naming the key of the problem
   */
  static void check(List<Double> fractions, Integer seeds) {
    if (seeds != null && (seeds < 1 || seeds > MAX_SEEDS)) {
      throw new IllegalArgumentException("'label_seeds' must lie in 1.." + MAX_SEEDS + ", not "
          + seeds);
    }
    if (fractions == null) {
      return;
    }
    if (fractions.isEmpty()) {
      throw new IllegalArgumentException("'label_fractions' needs at least one share");
    }
    for (Double f : fractions) {
      if (f == null || !(f > 0 && f <= 1)) {
        throw new IllegalArgumentException("'label_fractions' must each lie in (0, 1], not " + f);
      }
    }
    if (new HashSet<>(fractions).size() != fractions.size()) {
      throw new IllegalArgumentException("'label_fractions' lists a share twice: " + fractions);
    }
  }

  /**
   * All of TRAIN, then every share below 1 of {@code fractions} in order, each with label seeds
   * {@code 1..seeds} (null keys: all of TRAIN alone, one seed).
   */
  static List<LabelSubset> grid(List<Double> fractions, Integer seeds) {
    List<LabelSubset> subsets = new ArrayList<>(List.of(ALL));
    if (fractions != null) {
      for (double f : fractions) {
        for (int s = 1; f < 1 && s <= (seeds == null ? 1 : seeds); s++) {
          subsets.add(new LabelSubset(f, s));
        }
      }
    }
    return subsets;
  }

  /** Whether this is all of TRAIN. */
  boolean isAll() {
    return fraction == 1;
  }

  /** What the model name gains: "" for all of TRAIN, else {@code @labels=<f>:seed=<s>}. */
  String suffix() {
    return TrainingVariant.labelSuffix(fraction, seed);
  }

  /** The seed of this subset's draw in a run of seed {@code runSeed}. */
  long drawSeed(long runSeed) {
    return Seeds.derive(runSeed, "label-subset", TrainingVariant.fractionText(fraction),
        Integer.toString(seed));
  }

  /** The cache key of a probe fitted on this subset, from the key of the one fitted on all. */
  String key(String probeKey) {
    return isAll() ? probeKey : Fingerprint.of("label-subset").add(probeKey)
        .add(TrainingVariant.fractionText(fraction)).add(seed).hex();
  }

  /** This subset of {@code train} in a run of seed {@code runSeed}: {@code train} for all. */
  FeatureSource of(FeatureSource train, long runSeed) {
    return isAll() ? train : FeatureSubset.of(train,
        StratifiedDraw.indices(train.labels(), train.task(), fraction, drawSeed(runSeed)));
  }
}
