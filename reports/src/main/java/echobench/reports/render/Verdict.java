package echobench.reports.render;

import echobench.reports.robustness.BaselineCheck;
import echobench.reports.robustness.Degradation;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The report's opening verdict, one paragraph per dataset: the most and the least robust model by
 * Avg. Deg. with their paired-bootstrap intervals, how far apart they are, and which pairs of
 * models do not differ significantly (the interval of their Avg. Deg. difference holds 0), and
 * whether the model with the best clean value beats the reference baseline significantly. Models
 * whose clean error is within {@value BaselineCheck#MARGIN_PERCENT} % of the
 * predict-the-training-mean baseline are named but not ranked.
 */
final class Verdict {
  private Verdict() {}

  /**
   * @param nearBaseline whether a model is too close to the baseline on the findings' dataset
   */
  static List<Block> of(List<RobustnessFindings> findings,
      BiPredicate<RobustnessFindings, String> nearBaseline, BootstrapSettings settings) {
    List<Block> blocks = new ArrayList<>();
    for (RobustnessFindings f : findings) {
      paragraph(f, nearBaseline).ifPresent(text -> blocks.add(new Paragraph(text)));
    }
    if (blocks.isEmpty()) {
      blocks.add(new Paragraph("No dataset has a perturbed condition and a model other than"
          + " the baseline, so there is no robustness to compare."));
      return blocks;
    }
    blocks.add(new Paragraph("Avg. Deg.: the mean, over the perturbed conditions, of the"
        + " relative loss of the metric against clean (error metrics: (err_p − err_clean) /"
        + " err_clean); lower is more robust. pp: percentage points. Intervals: "
        + percent(settings.level()) + " paired-bootstrap percentile intervals over the videos ("
        + settings.resamples() + " resamples, seed " + settings.seed() + "), the same resampled"
        + " videos for every model and condition; a difference is significant when its interval"
        + " excludes 0."));
    if (findings.stream().anyMatch(f -> AgainstBaseline.sentence(f).isPresent())) {
      blocks.add(new Paragraph(Definitions.AGAINST_BASELINE));
    }
    return blocks;
  }

  private static Optional<String> paragraph(RobustnessFindings f,
      BiPredicate<RobustnessFindings, String> nearBaseline) {
    List<String> candidates = f.candidates();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<String> ranked = candidates.stream().filter(m -> !nearBaseline.test(f, m)).toList();
    List<String> unranked = candidates.stream().filter(m -> nearBaseline.test(f, m)).toList();
    boolean caveat = ranked.size() < 2 && (candidates.size() >= 2 || ranked.isEmpty());
    if (caveat) {
      ranked = candidates;
    }
    ranked = ranked.stream().sorted(Comparator.comparingDouble(
        m -> nanLast(f.standing(m).avgDegradation().estimate()))).toList();
    StringBuilder text = new StringBuilder("On " + f.dataset + " (" + f.metric.id() + ", "
        + f.task + "): ");
    String best = ranked.get(0);
    if (ranked.size() == 1) {
      text.append("one model, ").append(best).append(", Avg. Deg. ")
          .append(avg(f, best)).append('.');
    } else {
      String worst = ranked.get(ranked.size() - 1);
      text.append("the most robust model is ").append(best).append(" (Avg. Deg. ")
          .append(avg(f, best)).append("), the least robust ").append(worst)
          .append(" (").append(avg(f, worst)).append("). ");
      double relative = Degradation.relativeRobustness(
          f.standing(best).avgDegradation().estimate(),
          f.standing(worst).avgDegradation().estimate());
      text.append(best).append(" degrades ");
      f.difference(worst, best).ifPresentOrElse(
          d -> text.append(unsigned(d.estimate())).append(" pp less (interval ")
              .append(unsigned(d.low())).append(" to ").append(unsigned(d.high())).append(" pp)")
              .append(significant(d) ? ", a significant difference"
                  : ", not a significant difference"),
          () -> text.append(unsigned(f.standing(worst).avgDegradation().estimate()
              - f.standing(best).avgDegradation().estimate())).append(" pp less"));
      if (Double.isFinite(relative) && f.standing(best).avgDegradation().estimate() > 0) {
        text.append(" (").append(Cells.percent(relative)).append(" less sensitive)");
      }
      text.append(". ");
      text.append(notSignificant(f, ranked));
    }
    if (caveat && candidates.size() == 1) {
      text.append(" Its clean error is within ").append(BaselineCheck.MARGIN_PERCENT)
          .append(" % of the baseline's, so this Avg. Deg. is no evidence of robustness.");
    } else if (caveat) {
      text.append(" Every model but at most one is within ").append(BaselineCheck.MARGIN_PERCENT)
          .append(" % of the baseline's clean error, so this ranking is no evidence of"
              + " robustness.");
    } else if (!unranked.isEmpty()) {
      text.append(" Not ranked (clean error within ").append(BaselineCheck.MARGIN_PERCENT)
          .append(" % of the reference baseline, ").append(BaselineCheck.WARNING)
          .append("): ").append(String.join(", ", unranked)).append('.');
    }
    AgainstBaseline.sentence(f).ifPresent(s -> text.append(' ').append(s));
    return Optional.of(text.toString().strip());
  }

  private static String notSignificant(RobustnessFindings f, List<String> ranked) {
    if (!f.hasIntervals()) {
      return "Without per-video predictions there are no intervals, so no difference can be"
          + " called significant.";
    }
    String best = ranked.get(0);
    List<String> alike = new ArrayList<>();
    int pairs = 0;
    int notSignificant = 0;
    for (int i = 0; i < ranked.size(); i++) {
      for (int j = i + 1; j < ranked.size(); j++) {
        pairs++;
        if (!significant(f.difference(ranked.get(j), ranked.get(i)).orElseThrow())) {
          notSignificant++;
          if (i == 0) {
            alike.add(ranked.get(j));
          }
        }
      }
    }
    String text = notSignificant + " of " + pairs + " pairwise differences in Avg. Deg. are not"
        + " significant (table of pairwise differences below)";
    if (alike.isEmpty()) {
      return text + "; every other model degrades significantly more than " + best + ".";
    }
    return text + "; not significantly different from " + best + ": "
        + String.join(", ", alike) + ".";
  }

  /** Whether an interval of a difference excludes 0. */
  static boolean significant(ConfidenceInterval d) {
    return d.low() > 0 || d.high() < 0;
  }

  private static String avg(RobustnessFindings f, String model) {
    ConfidenceInterval a = f.standing(model).avgDegradation();
    String value = Cells.signedPercent(a.estimate());
    return Double.isNaN(a.low()) ? value
        : value + " [" + Cells.signedPercent(a.low()) + ", " + Cells.signedPercent(a.high()) + "]";
  }

  private static String unsigned(double fraction) {
    return Double.isNaN(fraction) ? Cells.MISSING
        : String.format(Locale.ROOT, "%.1f", 100 * fraction);
  }

  private static String percent(double level) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * level);
  }

  private static double nanLast(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
