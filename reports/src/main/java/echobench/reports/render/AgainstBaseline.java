package echobench.reports.render;

import echobench.reports.ModelNames;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each model's clean value against the reference baseline's on one dataset, for the findings'
 * (primary) metric, as the report states it: one sentence on the best model (lowest clean error,
 * highest clean score) for the verdict, and the table of every model with the paired-bootstrap
 * interval of its difference from the baseline and whether that excludes 0. It asks whether a
 * model beats a probe that learned nothing at all; {@link
 * echobench.reports.robustness.BaselineCheck} asks whether it does by a useful margin.
 */
final class AgainstBaseline {
  private AgainstBaseline() {}

  /**
   * The sentence on the best model against the baseline, or empty when the findings have no
   * baseline or no other model with a clean value.
   */
  static Optional<String> sentence(RobustnessFindings f) {
    Optional<String> baseline = f.baseline();
    Optional<String> best = best(f);
    if (baseline.isEmpty() || best.isEmpty()) {
      return Optional.empty();
    }
    ConfidenceInterval d = f.againstBaseline(best.get()).orElseThrow();
    String text = best.get() + "'s clean " + f.metric.id() + " is ";
    text += d.estimate() == 0 ? "equal to " + baseline.get() + "'s"
        : Cells.value(f.metric, Math.abs(d.estimate())) + (d.estimate() < 0 ? " lower" : " higher")
            + " than " + baseline.get() + "'s";
    if (Double.isNaN(d.low())) {
      return Optional.of(text + " (no per-video predictions, so no interval).");
    }
    return Optional.of(text + " (interval " + Cells.value(f.metric, d.low()) + " to "
        + Cells.value(f.metric, d.high()) + "): " + judgement(f, d) + " "
        + predicting(baseline.get()) + ".");
  }

  /** The table of every model other than the baseline, or empty without a baseline. */
  static Optional<TextTable> table(RobustnessFindings f, BootstrapSettings settings) {
    Optional<String> baseline = f.baseline();
    if (baseline.isEmpty() || f.candidates().isEmpty()) {
      return Optional.empty();
    }
    ConfidenceInterval baselineClean = f.standing(baseline.get()).clean();
    List<List<String>> rows = new ArrayList<>();
    for (String model : f.candidates()) {
      ConfidenceInterval clean = f.standing(model).clean();
      ConfidenceInterval d = f.againstBaseline(model).orElseThrow();
      rows.add(List.of(model, withInterval(f, clean), withInterval(f, baselineClean),
          signed(f, d.estimate()) + (Double.isNaN(d.low()) ? ""
              : " [" + signed(f, d.low()) + ", " + signed(f, d.high()) + "]"),
          Double.isNaN(d.low()) ? Cells.MISSING
              : Verdict.significant(d) ? "yes, " + (better(f, d) ? "better" : "worse") : "no"));
    }
    return Optional.of(new TextTable(f.dataset + ", " + f.task + ": " + f.metric.id()
        + " against the reference baseline", List.of("Model", "Clean", baseline.get()
            + " clean", String.format(Locale.ROOT, "Difference [%.0f %% CI]",
                100 * settings.level()), "Significant"), rows,
        List.of(Definitions.AGAINST_BASELINE, f.hasIntervals()
            ? Definitions.intervals(settings, List.of(f.dataset))
            : "No per-video predictions: the recorded clean values' difference, no interval.")));
  }

  /** The model other than the baseline with the best clean value, if any has one. */
  private static Optional<String> best(RobustnessFindings f) {
    Comparator<String> byClean =
        Comparator.comparingDouble(m -> f.standing(m).clean().estimate());
    return f.candidates().stream()
        .filter(m -> !Double.isNaN(f.standing(m).clean().estimate()))
        .min(f.metric.isError() ? byClean : byClean.reversed());
  }

  private static String judgement(RobustnessFindings f, ConfidenceInterval d) {
    if (!Verdict.significant(d)) {
      return "not significantly different from";
    }
    return better(f, d) ? "significantly better than" : "significantly worse than";
  }

  /**
   * Whether a significant difference (its interval excluding 0) is towards a better value: a
   * lower error, a higher score.
   */
  private static boolean better(RobustnessFindings f, ConfidenceInterval d) {
    return f.metric.isError() == d.high() < 0;
  }

  /** What the baseline does, for "better than …". */
  private static String predicting(String baseline) {
    return baseline.equals(ModelNames.MAJORITY_CLASS_BASELINE)
        ? "predicting the most frequent training class" : "predicting the training mean";
  }

  private static String withInterval(RobustnessFindings f, ConfidenceInterval ci) {
    return Cells.withInterval(f.metric, ci.estimate(), ci.low(), ci.high());
  }

  /** {@code value} with a plus sign when it is above 0 at the metric's decimals. */
  private static String signed(RobustnessFindings f, double value) {
    String text = Cells.value(f.metric, value);
    return value > 0 && !text.matches("0\\.?0*") ? "+" + text : text;
  }
}
