package echobench.reports.render;

import echobench.reports.ModelNames;
import echobench.reports.results.BaselineDifference;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.Result;
import echobench.reports.results.ResultIndex;
import echobench.reports.results.SummaryIntervals;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.RobustnessIntervals;
import echobench.reports.robustness.Summary;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of {@code summary.csv} with their bootstrap figures: {@link Summary}'s point estimates
 * and, per row, the paired-bootstrap interval of the Avg. Deg., the model's effective robustness
 * with its interval, and its clean value minus the reference baseline's with the interval of that
 * difference, from {@link RobustnessFindings} (every condition and model resampled with the same
 * videos, or patients). Without per-video predictions the intervals stay empty, the effective
 * robustness is the residual from the recorded values and the difference from the baseline that
 * of the recorded clean values; a metric without degradation (the category flip rate, 0 on clean)
 * has none of them, nor does the baseline's own row or a run without a baseline. A dataset
 * evaluated clean only (no perturbed condition, as in a zero-shot transfer study) still gets the
 * paired interval of each model's difference from the baseline.
 */
public final class RobustnessSummary {
  private RobustnessSummary() {}

  /** The summary of {@code results}, in {@link Summary#of(List)}'s order. */
  public static List<SummaryRow> of(List<Result> results, Optional<PredictionIndex> predictions,
      BootstrapSettings settings) {
    ResultIndex index = new ResultIndex(results);
    List<SummaryRow> points = Summary.of(results);
    Map<List<Object>, SummaryRow> byKey = new HashMap<>();
    points.forEach(r -> byKey.put(List.of(r.model(), r.dataset(), r.task(), r.metric()), r));
    Map<List<Object>, Optional<RobustnessFindings>> findings = new HashMap<>();
    Map<List<Object>, Optional<RobustnessIntervals>> cleanOnly = new HashMap<>();
    List<SummaryRow> rows = new ArrayList<>();
    for (SummaryRow row : points) {
      if (!row.metric().hasDegradation()) {
        rows.add(row);
        continue;
      }
      Optional<RobustnessFindings> f = findings.computeIfAbsent(
          List.of(row.dataset(), row.task(), row.metric()),
          k -> RobustnessFindings.of(index, predictions, row.dataset(), row.task(), row.metric(),
              settings)).filter(x -> x.models().contains(row.model()));
      SummaryRow withIntervals = f.map(x -> row.withIntervals(intervals(x.standing(row.model()))))
          .orElse(row);
      Optional<RobustnessIntervals> clean = f.isPresent() ? Optional.empty()
          : cleanOnly.computeIfAbsent(List.of(row.dataset(), row.task(), row.metric()),
              k -> cleanOnly(index, predictions, row, settings));
      rows.add(withIntervals.withBaselineDifference(baselineDifference(row, byKey, f, clean)));
    }
    return rows;
  }

  /**
   * Clean-only intervals for {@code row}'s dataset, task and metric when it has per-video
   * predictions and no perturbed condition (then there are no {@link RobustnessFindings}).
   */
  private static Optional<RobustnessIntervals> cleanOnly(ResultIndex index,
      Optional<PredictionIndex> predictions, SummaryRow row, BootstrapSettings settings) {
    if (!RobustnessFindings.perturbed(index, row.dataset(), row.task()).isEmpty()) {
      return Optional.empty();
    }
    return RobustnessFindings.intervals(predictions, row.dataset(), row.metric(), List.of(),
        RobustnessFindings.modelsWithClean(index, row.dataset(), row.task(), row.metric()),
        settings);
  }

  /**
   * {@code row}'s clean value minus the reference baseline's on its dataset, task and metric
   * (the first of {@link ModelNames#BASELINES} with a clean value there), with the interval of
   * the difference from {@code findings} when bootstrapped, or from {@code cleanOnly} for a
   * dataset evaluated clean only.
   */
  private static BaselineDifference baselineDifference(SummaryRow row,
      Map<List<Object>, SummaryRow> byKey, Optional<RobustnessFindings> findings,
      Optional<RobustnessIntervals> cleanOnly) {
    Optional<SummaryRow> baseline = ModelNames.BASELINES.stream()
        .map(b -> byKey.get(List.of(b, row.dataset(), row.task(), row.metric())))
        .filter(b -> b != null && !Double.isNaN(b.clean())).findFirst();
    if (ModelNames.isBaseline(row.model()) || baseline.isEmpty()) {
      return BaselineDifference.NONE;
    }
    ConfidenceInterval interval = findings.filter(RobustnessFindings::hasIntervals)
        .filter(f -> f.baseline().equals(Optional.of(baseline.get().model())))
        .flatMap(f -> f.againstBaseline(row.model()))
        .or(() -> cleanOnly.filter(i -> i.models().contains(row.model())
                && i.models().contains(baseline.get().model()))
            .map(i -> i.cleanDifference(row.model(), baseline.get().model())))
        .orElse(new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN));
    return new BaselineDifference(row.clean() - baseline.get().clean(), interval.low(),
        interval.high());
  }

  private static SummaryIntervals intervals(RobustnessFindings.Standing s) {
    ConfidenceInterval deg = s.avgDegradation();
    ConfidenceInterval er = s.effectiveRobustness();
    return new SummaryIntervals(deg.low(), deg.high(), er.estimate(), er.low(), er.high());
  }
}
