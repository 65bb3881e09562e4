package echobench.reports;

import echobench.reports.metrics.Metric;
import echobench.reports.metrics.Scored;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionGroup;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import echobench.reports.stats.PairedBootstrap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Turns per-video predictions into {@code results.csv} rows: each metric of each model, dataset
 * and condition, with a percentile interval from the paired bootstrap of its dataset (one set of
 * resampled indices per dataset, shared by every model and condition).
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * The results of {@code predictions}, one row per group (in the order groups first appear) and
   * metric (in the order given).
   *
   * @param task the task the predictions answer ({@code lvef}); predictions.csv has no task column
   * @throws IllegalArgumentException if a group does not predict every video of its dataset, or a
   *     metric does not fit the values
   */
  public static List<Result> results(
      List<Prediction> predictions, String task, List<Metric> metrics,
      BootstrapSettings settings) {
    PredictionIndex index = new PredictionIndex(predictions);
    Map<String, PairedBootstrap> bootstraps = new HashMap<>();
    List<Result> results = new ArrayList<>();
    for (PredictionGroup group : index.groups()) {
      if (!index.isComplete(group)) {
        throw new IllegalArgumentException(group + " does not predict every video of "
            + group.dataset() + " (" + index.videos(group.dataset()).size() + " videos)");
      }
      PairedBootstrap bootstrap = bootstraps.computeIfAbsent(group.dataset(),
          d -> new PairedBootstrap(d, index.videos(d), settings));
      for (Metric metric : metrics) {
        Scored scored = index.scored(group, metric, bootstrap.videos());
        ConfidenceInterval ci = bootstrap.interval(metric, scored);
        results.add(new Result(group.model(), group.dataset(), task, group.condition(), metric,
            ci.estimate(), ci.low(), ci.high(), scored.size()));
      }
    }
    return results;
  }

  /** {@link #results(List, String, List, BootstrapSettings)} from and to Tablesaw tables. */
  public static Table results(
      Table predictions, String task, List<Metric> metrics, BootstrapSettings settings) {
    return ResultsTable.toTable(
        results(PredictionsTable.rows(predictions), task, metrics, settings));
  }
}
