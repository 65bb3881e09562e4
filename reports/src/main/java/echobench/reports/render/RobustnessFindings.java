package echobench.reports.render;

import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.TrainingVariant;
import echobench.reports.metrics.Metric;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.ResultIndex;
import echobench.reports.robustness.Degradation;
import echobench.reports.robustness.EffectiveRobustness;
import echobench.reports.robustness.RobustnessIntervals;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The robustness figures of one dataset, task and metric as the report shows them: per model its
 * clean value, its perturbed value (mean over the perturbed conditions) and its Avg. Deg., each
 * with its paired-bootstrap interval when the run's per-video predictions are at hand (point
 * estimates from the results alone otherwise), and across the models that are not the baseline
 * the effective-robustness line with each model's residual when there are at least
 * {@value EffectiveRobustness#MIN_MODELS}, and each model's clean value against the reference
 * baseline's.
 */
final class RobustnessFindings {
  /** One model's figures. */
  record Standing(ConfidenceInterval clean, ConfidenceInterval perturbed,
      ConfidenceInterval avgDegradation, ConfidenceInterval effectiveRobustness) {}

  private static final ConfidenceInterval NONE =
      new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN);

  final String dataset;
  final String task;
  final Metric metric;
  private final Map<String, Standing> standings = new LinkedHashMap<>();
  private final Map<List<String>, ConfidenceInterval> differences = new HashMap<>();
  private final Map<String, ConfidenceInterval> againstBaseline = new HashMap<>();
  private final Optional<RobustnessIntervals> intervals;
  private final Optional<EffectiveRobustness> line;

  private RobustnessFindings(String dataset, String task, Metric metric,
      Optional<RobustnessIntervals> intervals, Optional<EffectiveRobustness> line) {
    this.dataset = dataset;
    this.task = task;
    this.metric = metric;
    this.intervals = intervals;
    this.line = line;
  }

  /**
   * The findings of {@code dataset}, or empty when it has no perturbed condition.
   *
   * @param predictions the run's per-video predictions, if kept
   */
  static Optional<RobustnessFindings> of(ResultIndex index, Optional<PredictionIndex> predictions,
      String dataset, String task, Metric metric, BootstrapSettings settings) {
    List<Condition> perturbed = perturbed(index, dataset, task);
    if (perturbed.isEmpty()) {
      return Optional.empty();
    }
    List<String> models = modelsWithClean(index, dataset, task, metric);
    Optional<RobustnessIntervals> intervals =
        intervals(predictions, dataset, metric, perturbed, models, settings)
            .filter(i -> i.models().equals(models));
    List<String> fitted = models.stream()
        .filter(m -> !ModelNames.isBaseline(m) && fitOnAllOfTrain(m)).toList();
    Optional<EffectiveRobustness> line = Optional.empty();
    if (fitted.size() >= EffectiveRobustness.MIN_MODELS) {
      line = intervals.map(i -> i.line(fitted)).or(() -> Optional.of(EffectiveRobustness.fit(
          fitted.stream().mapToDouble(m -> index.value(m, dataset, task, metric, Condition.CLEAN))
              .toArray(),
          fitted.stream().mapToDouble(m -> meanPerturbed(index, m, dataset, task, metric,
              perturbed)).toArray())));
    }
    RobustnessFindings findings = new RobustnessFindings(dataset, task, metric, intervals, line);
    for (String model : models) {
      findings.standings.put(model, intervals.isPresent()
          ? bootstrapped(intervals.get(), model, line.isPresent() && fitted.contains(model)
              ? Optional.of(fitted) : Optional.empty())
          : recorded(index, model, dataset, task, metric, perturbed, line));
    }
    return Optional.of(findings);
  }

  /** The perturbed conditions of {@code dataset} and {@code task}, in the results' order. */
  static List<Condition> perturbed(ResultIndex index, String dataset, String task) {
    return index.conditions(dataset, task).stream().filter(Condition::isPerturbed).toList();
  }

  /** The models with a clean value of {@code metric} on {@code dataset}. */
  static List<String> modelsWithClean(ResultIndex index, String dataset, String task,
      Metric metric) {
    return index.models().stream()
        .filter(m -> !Double.isNaN(index.value(m, dataset, task, metric, Condition.CLEAN)))
        .toList();
  }

  /**
   * The paired-bootstrap intervals of those of {@code models} with complete predictions, over clean
   * and {@code perturbed} (none: the clean figures only), when the run kept per-video predictions
   * of {@code dataset}.
   */
  static Optional<RobustnessIntervals> intervals(Optional<PredictionIndex> predictions,
      String dataset, Metric metric, List<Condition> perturbed, List<String> models,
      BootstrapSettings settings) {
    return predictions
        .filter(p -> !p.videos(dataset).isEmpty())
        .map(p -> new RobustnessIntervals(p, dataset, metric, perturbed, models, settings));
  }

  /**
   * Whether {@code model} was fitted on all of the train dataset's TRAIN split: the
   * effective-robustness line runs through those models only, not through the label-fraction
   * and fine-tuned variants of the same probes, which would count one encoder several times.
   */
  private static boolean fitOnAllOfTrain(String model) {
    TrainingVariant variant = TrainingVariant.parse(model);
    return variant.labelFraction() == 1 && !variant.fineTuned();
  }

  /** Every model with a clean value, the baseline included, in report order. */
  List<String> models() {
    return List.copyOf(standings.keySet());
  }

  /** The models other than the baseline. */
  List<String> candidates() {
    return models().stream().filter(m -> !ModelNames.isBaseline(m)).toList();
  }

  Standing standing(String model) {
    return standings.get(model);
  }

  /** The effective-robustness line, when there are enough models. */
  Optional<EffectiveRobustness> line() {
    return line;
  }

  /** Whether the intervals come from the per-video predictions. */
  boolean hasIntervals() {
    return intervals.isPresent();
  }

  /** Avg. Deg. of {@code a} minus that of {@code b} with its paired interval, when bootstrapped. */
  Optional<ConfidenceInterval> difference(String a, String b) {
    return intervals.map(i -> differences.computeIfAbsent(List.of(a, b),
        k -> i.avgDegradationDifference(a, b)));
  }

  /**
   * The reference baseline on this dataset: the first of {@link ModelNames#BASELINES} with a
   * clean value, or empty when the run has none.
   */
  Optional<String> baseline() {
    return ModelNames.BASELINES.stream().filter(standings::containsKey).findFirst();
  }

  /**
   * The clean value of {@code model} minus the reference baseline's, with its paired-bootstrap
   * interval when bootstrapped (the recorded clean values' difference, without interval,
   * otherwise); empty for the baseline itself and when there is none.
   */
  Optional<ConfidenceInterval> againstBaseline(String model) {
    return baseline().filter(b -> !b.equals(model)).map(b -> againstBaseline.computeIfAbsent(
        model, m -> intervals.map(i -> i.cleanDifference(m, b)).orElseGet(
            () -> new ConfidenceInterval(standing(m).clean().estimate()
                - standing(b).clean().estimate(), Double.NaN, Double.NaN))));
  }

  private static Standing bootstrapped(RobustnessIntervals intervals, String model,
      Optional<List<String>> fitted) {
    return new Standing(intervals.clean(model), intervals.perturbed(model),
        intervals.avgDegradation(model),
        fitted.map(f -> intervals.effectiveRobustness(model, f)).orElse(NONE));
  }

  private static Standing recorded(ResultIndex index, String model, String dataset, String task,
      Metric metric, List<Condition> perturbed, Optional<EffectiveRobustness> line) {
    ConfidenceInterval clean = index.find(model, dataset, task, metric, Condition.CLEAN)
        .map(r -> new ConfidenceInterval(r.value(), r.ciLow(), r.ciHigh())).orElse(NONE);
    double meanPerturbed = meanPerturbed(index, model, dataset, task, metric, perturbed);
    List<Double> degradations = new ArrayList<>();
    for (Condition c : perturbed) {
      degradations.add(Degradation.of(metric, clean.estimate(),
          index.value(model, dataset, task, metric, c)));
    }
    double avg = degradations.stream().mapToDouble(Double::doubleValue).average()
        .orElse(Double.NaN);
    double residual = line.isPresent() && !ModelNames.isBaseline(model)
        ? line.get().residual(clean.estimate(), meanPerturbed) : Double.NaN;
    return new Standing(clean, new ConfidenceInterval(meanPerturbed, Double.NaN, Double.NaN),
        new ConfidenceInterval(avg, Double.NaN, Double.NaN),
        new ConfidenceInterval(residual, Double.NaN, Double.NaN));
  }

  private static double meanPerturbed(ResultIndex index, String model, String dataset,
      String task, Metric metric, List<Condition> perturbed) {
    return perturbed.stream()
        .mapToDouble(c -> index.value(model, dataset, task, metric, c)).average()
        .orElse(Double.NaN);
  }
}
