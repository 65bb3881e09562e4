package echobench.reports.gate;

import echobench.reports.Condition;
import echobench.reports.metrics.Metric;
import echobench.reports.metrics.Scored;
import echobench.reports.results.PredictionGroup;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.ResultIndex;
import echobench.reports.robustness.Degradation;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import echobench.reports.stats.PairedBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The paired-bootstrap interval of a rule's worsening, recomputed from both runs' per-video
 * predictions: every resample draws the same videos for the baseline and the candidate (the two
 * runs must have predicted the same videos), and the checked quantity (a metric, or a
 * degradation over the perturbed conditions) is recomputed on it for both.
 */
final class WorseningBootstrap {
  private final PredictionIndex baseline;
  private final PredictionIndex candidate;
  private final ResultIndex baselineResults;
  private final ResultIndex candidateResults;
  private final BootstrapSettings settings;

  WorseningBootstrap(PredictionIndex baseline, PredictionIndex candidate,
      ResultIndex baselineResults, ResultIndex candidateResults, BootstrapSettings settings) {
    this.baseline = baseline;
    this.candidate = candidate;
    this.baselineResults = baselineResults;
    this.candidateResults = candidateResults;
    this.settings = settings;
  }

  /**
   * The worsening of {@code candidateModel} against {@code baselineModel} with its interval, or
   * empty when the predictions cannot pair them (different videos, a missing condition).
   */
  Optional<ConfidenceInterval> interval(GateRule rule, String baselineModel,
      String candidateModel, String dataset, String task) {
    List<String> videos = List.copyOf(baseline.videos(dataset));
    if (videos.isEmpty() || !videos.equals(List.copyOf(candidate.videos(dataset)))) {
      return Optional.empty();
    }
    Optional<ToDoubleFunction<int[]>> b =
        quantity(baseline, baselineResults, baselineModel, rule, dataset, task, videos);
    Optional<ToDoubleFunction<int[]>> c =
        quantity(candidate, candidateResults, candidateModel, rule, dataset, task, videos);
    if (b.isEmpty() || c.isEmpty()) {
      return Optional.empty();
    }
    PairedBootstrap bootstrap = new PairedBootstrap(videos, settings);
    return Optional.of(bootstrap.interval(indices ->
        rule.worsening(b.get().applyAsDouble(indices), c.get().applyAsDouble(indices))));
  }

  /** The checked quantity of one model as a function of a sample's video indices. */
  private static Optional<ToDoubleFunction<int[]>> quantity(PredictionIndex predictions,
      ResultIndex results, String model, GateRule rule, String dataset, String task,
      List<String> videos) {
    List<Condition> conditions = new ArrayList<>();
    switch (rule.check()) {
      case CLEAN -> conditions.add(Condition.CLEAN);
      case CONDITION -> conditions.add(rule.condition().orElseThrow());
      case AVG_DEGRADATION, WORST_DEGRADATION -> {
        conditions.add(Condition.CLEAN);
        for (Condition c : results.conditions(dataset, task)) {
          if (c.isPerturbed()
              && results.find(model, dataset, task, rule.metric(), c).isPresent()) {
            conditions.add(c);
          }
        }
      }
      default -> throw new IllegalStateException("unknown check " + rule.check());
    }
    PredictionGroup clean = new PredictionGroup(model, dataset, Condition.CLEAN);
    if (rule.metric().comparesWithCleanPrediction()
        && (!predictions.contains(clean) || !predictions.isComplete(clean))) {
      return Optional.empty();
    }
    int n = conditions.size();
    Scored[] scored = new Scored[n];
    for (int i = 0; i < n; i++) {
      PredictionGroup group = new PredictionGroup(model, dataset, conditions.get(i));
      if (!predictions.contains(group) || !predictions.isComplete(group)) {
        return Optional.empty();
      }
      scored[i] = predictions.scored(group, rule.metric(), videos);
    }
    Metric metric = rule.metric();
    return Optional.of(indices -> {
      double[] perCondition = new double[n];
      for (int i = 0; i < n; i++) {
        perCondition[i] = metric.compute(scored[i].resample(indices));
      }
      return combine(rule.check(), metric, perCondition);
    });
  }

  /** The checked quantity from the metric per condition (clean first for degradations). */
  private static double combine(GateCheck check, Metric metric, double[] perCondition) {
    if (!check.isDegradation()) {
      return perCondition[0];
    }
    if (perCondition.length == 1) {
      return Double.NaN;
    }
    double sum = 0;
    double worst = Double.NEGATIVE_INFINITY;
    for (int i = 1; i < perCondition.length; i++) {
      double d = Degradation.of(metric, perCondition[0], perCondition[i]);
      sum += d;
      worst = Double.isNaN(d) || Double.isNaN(worst) ? Double.NaN : Math.max(worst, d);
    }
    return check == GateCheck.AVG_DEGRADATION ? sum / (perCondition.length - 1) : worst;
  }
}
