package echobench.reports.render;

import echobench.reports.results.PredictionIndex;
import echobench.reports.results.Result;
import echobench.reports.results.ResultIndex;
import echobench.reports.results.SummaryIntervals;
import echobench.reports.results.SummaryRow;
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
 * and, per row, the paired-bootstrap interval of the Avg. Deg. and the model's effective
 * robustness with its interval, from {@link RobustnessFindings} (every condition and model
 * resampled with the same videos, or patients). Without per-video predictions the intervals stay
 * empty and the effective robustness is the residual from the recorded values; a metric without
 * degradation (the category flip rate) has neither.
 */
public final class RobustnessSummary {
  private RobustnessSummary() {}

  /** The summary of {@code results}, in {@link Summary#of(List)}'s order. */
  public static List<SummaryRow> of(List<Result> results, Optional<PredictionIndex> predictions,
      BootstrapSettings settings) {
    ResultIndex index = new ResultIndex(results);
    Map<List<Object>, Optional<RobustnessFindings>> findings = new HashMap<>();
    List<SummaryRow> rows = new ArrayList<>();
    for (SummaryRow row : Summary.of(results)) {
      if (!row.metric().hasDegradation()) {
        rows.add(row);
        continue;
      }
      Optional<RobustnessFindings> f = findings.computeIfAbsent(
          List.of(row.dataset(), row.task(), row.metric()),
          k -> RobustnessFindings.of(index, predictions, row.dataset(), row.task(), row.metric(),
              settings));
      rows.add(f.filter(x -> x.models().contains(row.model()))
          .map(x -> row.withIntervals(intervals(x.standing(row.model()))))
          .orElse(row));
    }
    return rows;
  }

  private static SummaryIntervals intervals(RobustnessFindings.Standing s) {
    ConfidenceInterval deg = s.avgDegradation();
    ConfidenceInterval er = s.effectiveRobustness();
    return new SummaryIntervals(deg.low(), deg.high(), er.estimate(), er.low(), er.high());
  }
}
