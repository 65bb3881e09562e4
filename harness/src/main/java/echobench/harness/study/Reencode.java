package echobench.harness.study;

import echobench.harness.video.CodecH264;
import echobench.perturb.Clip;
import echobench.perturb.Perturbation;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.perturb.SeverityScale;
import echobench.reports.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * The study option {@code reencode: h264}: EchoJEPA's pipeline, in which every perturbed video was
 * saved as H.264 (libx264 crf 18, {@code yuv420p}) while the clean videos stayed the original files.
 *
 * <p>With the option on, every perturbed condition of the grid is evaluated twice: as usual, and
 * with {@code codec-h264} at severity 1 applied after the perturbation (same seed, so the same
 * shadow centre as without the pass). Internally the second kind is the condition
 * {@code <perturbation>+reencode}; in the tables its rows carry the dataset {@code
 * <dataset>+reencode} and the plain condition, next to a copy of the clean rows (clean is not
 * re-encoded, as in the paper). So {@code summary.csv} has, for every model, one Avg. Deg. without
 * and one with the codec pass, side by side; their difference is what the codec adds.
 */
final class Reencode {
  /** The value of the config key that turns the pass on. */
  static final String H264 = "h264";
  /** The value that leaves it off (the default). */
  static final String NONE = "none";
  /** Marks a re-encoded condition and the dataset name its rows are reported under. */
  static final String SUFFIX = "+reencode";

  private Reencode() {}

  /** The re-encoded twin of every perturbed condition of {@code grid}, in grid order. */
  static List<Condition> twins(List<Condition> grid) {
    List<Condition> twins = new ArrayList<>();
    for (Condition c : grid) {
      if (c.isPerturbed() && !isReencoded(c)) {
        twins.add(new Condition(c.perturbation() + SUFFIX, c.severity(), c.view()));
      }
    }
    return twins;
  }

  /** Whether {@code condition} is a re-encoded twin. */
  static boolean isReencoded(Condition condition) {
    return condition.perturbation().endsWith(SUFFIX);
  }

  /** The condition a re-encoded twin was made from; any other condition itself. */
  static Condition plain(Condition condition) {
    return isReencoded(condition)
        ? new Condition(plainPerturbation(condition.perturbation()), condition.severity(),
            condition.view())
        : condition;
  }

  /** The perturbation a re-encoded twin's perturbation was made from; any other itself. */
  static String plainPerturbation(String perturbation) {
    return perturbation.endsWith(SUFFIX)
        ? perturbation.substring(0, perturbation.length() - SUFFIX.length())
        : perturbation;
  }

  /** The dataset name the re-encoded rows of {@code dataset} are reported under. */
  static String dataset(String dataset) {
    return dataset + SUFFIX;
  }

  /**
   * The perturbation of {@code condition} on severity {@code scale}: a twin's is its plain
   * perturbation, then the codec.
   */
  static Perturbation perturbation(Condition condition, SeverityScale scale) {
    Condition plain = plain(condition);
    Perturbation perturbation =
        Perturbations.parse(plain.perturbation(), plain.severity(), scale);
    return isReencoded(condition) ? new Reencoded(perturbation) : perturbation;
  }

  /** A perturbation followed by the paper's codec pass, both with the perturbation's seed. */
  private record Reencoded(Perturbation perturbation) implements Perturbation {
    private static final Perturbation CODEC = CodecH264.SPEC.at(1);

    @Override
    public String name() {
      return perturbation.name() + SUFFIX;
    }

    @Override
    public int severity() {
      return perturbation.severity();
    }

    @Override
    public Clip apply(Clip clip, ScanMask mask, long seed) {
      return CODEC.apply(perturbation.apply(clip, mask, seed), mask, seed);
    }
  }
}
