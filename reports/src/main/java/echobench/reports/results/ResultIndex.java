package echobench.reports.results;

import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.metrics.Metric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Results looked up by model, dataset, task, metric and condition, with the lists of each in a
 * stable order: models and datasets as they first appear (the baseline model last), metrics in
 * {@link Metric} order, conditions clean first and then by perturbation and severity.
 */
public final class ResultIndex {
  private final List<Result> results;
  private final Map<List<Object>, Result> byKey = new HashMap<>();

  public ResultIndex(List<Result> results) {
    this.results = List.copyOf(results);
    for (Result r : results) {
      byKey.put(key(r.model(), r.dataset(), r.task(), r.metric(), r.condition()), r);
    }
  }

  /** Every result, in table order. */
  public List<Result> results() {
    return results;
  }

  /** The models, in order of appearance with the reference baselines last. */
  public List<String> models() {
    List<String> models = new ArrayList<>(distinct(results.stream().map(Result::model).toList()));
    for (String baseline : ModelNames.BASELINES) {
      if (models.remove(baseline)) {
        models.add(baseline);
      }
    }
    return models;
  }

  /** The datasets, in order of appearance. */
  public List<String> datasets() {
    return distinct(results.stream().map(Result::dataset).toList());
  }

  /** The tasks, in order of appearance. */
  public List<String> tasks() {
    return distinct(results.stream().map(Result::task).toList());
  }

  /** The metrics reported for {@code task}, in {@link Metric} order. */
  public List<Metric> metrics(String task) {
    return List.copyOf(new TreeSet<>(results.stream()
        .filter(r -> r.task().equals(task)).map(Result::metric).toList()));
  }

  /** The conditions evaluated for {@code task} on {@code dataset}, clean first. */
  public List<Condition> conditions(String dataset, String task) {
    return List.copyOf(new TreeSet<>(results.stream()
        .filter(r -> r.dataset().equals(dataset) && r.task().equals(task))
        .map(Result::condition).toList()));
  }

  /** The result of one model, dataset, task, metric and condition, if recorded. */
  public Optional<Result> find(
      String model, String dataset, String task, Metric metric, Condition condition) {
    return Optional.ofNullable(byKey.get(key(model, dataset, task, metric, condition)));
  }

  /** The recorded value, or NaN when there is none. */
  public double value(
      String model, String dataset, String task, Metric metric, Condition condition) {
    return find(model, dataset, task, metric, condition).map(Result::value).orElse(Double.NaN);
  }

  private static List<Object> key(
      String model, String dataset, String task, Metric metric, Condition condition) {
    return List.of(model, dataset, task, metric, condition);
  }

  private static List<String> distinct(List<String> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }
}
