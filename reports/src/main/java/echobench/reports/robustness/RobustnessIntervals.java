package echobench.reports.robustness;

import echobench.reports.Condition;
import echobench.reports.metrics.Metric;
import echobench.reports.metrics.Scored;
import echobench.reports.results.PredictionGroup;
import echobench.reports.results.PredictionIndex;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import echobench.reports.stats.PairedBootstrap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paired-bootstrap intervals of the robustness figures of one dataset and metric, redone from the
 * per-video predictions (DESIGN §6): each model's clean value, the difference of two models' clean
 * values, its perturbed value (the mean of the metric over the perturbed conditions), its Avg.
 * Deg., the difference of two models' Avg. Deg., and its effective robustness (residual from the least-squares line of perturbed on clean
 * value across models). Every statistic is recomputed on the same resampled video sets for every
 * model and condition, so differences between models are paired.
 */
public final class RobustnessIntervals {
  private final Metric metric;
  private final PairedBootstrap bootstrap;
  /** Per model: the scored videos per condition (clean first), in bootstrap video order. */
  private final Map<String, Scored[]> arrays = new LinkedHashMap<>();
  /**
   * The metric of every model and condition per video sample already seen, by the sample's
   * index array (the bootstrap hands the same arrays to every statistic), so each resample's
   * metrics are computed once however many statistics use them.
   */
  private final Map<int[], Map<String, double[]>> values = new IdentityHashMap<>();

  /**
   * @param perturbed the perturbed conditions Avg. Deg. averages over; none for a clean-only
   *     run, where only {@link #clean} and {@link #cleanDifference} are defined
   * @param models the candidate models; those without complete predictions for clean and every
   *     perturbed condition on {@code dataset} are left out of {@link #models()}
   * @throws IllegalArgumentException for a dataset without videos
   */
  public RobustnessIntervals(PredictionIndex predictions, String dataset, Metric metric,
      List<Condition> perturbed, List<String> models, BootstrapSettings settings) {
    this.metric = metric;
    this.bootstrap = new PairedBootstrap(dataset, predictions.videos(dataset), settings);
    List<Condition> conditions = new ArrayList<>(List.of(Condition.CLEAN));
    conditions.addAll(perturbed);
    for (String model : models) {
      Scored[] byCondition = new Scored[conditions.size()];
      for (int c = 0; c < conditions.size(); c++) {
        PredictionGroup group = new PredictionGroup(model, dataset, conditions.get(c));
        if (!predictions.contains(group) || !predictions.isComplete(group)) {
          byCondition = null;
          break;
        }
        byCondition[c] = predictions.scored(group, metric, bootstrap.videos());
      }
      if (byCondition != null) {
        arrays.put(model, byCondition);
      }
    }
  }

  /** The models with complete predictions, in the order given. */
  public List<String> models() {
    return List.copyOf(arrays.keySet());
  }

  /** The metric on the clean videos. */
  public ConfidenceInterval clean(String model) {
    return bootstrap.interval(indices -> value(model, 0, indices));
  }

  /**
   * The clean metric of {@code a} minus that of {@code b}, paired over the same resamples (a
   * model against the reference baseline: negative is a lower error).
   */
  public ConfidenceInterval cleanDifference(String a, String b) {
    return bootstrap.interval(indices -> value(a, 0, indices) - value(b, 0, indices));
  }

  /** The mean of the metric over the perturbed conditions. */
  public ConfidenceInterval perturbed(String model) {
    return bootstrap.interval(indices -> perturbed(model, indices));
  }

  /** The mean degradation over the perturbed conditions, as a fraction. */
  public ConfidenceInterval avgDegradation(String model) {
    return bootstrap.interval(indices -> avgDegradation(model, indices));
  }

  /** Avg. Deg. of {@code a} minus Avg. Deg. of {@code b}, paired over the same resamples. */
  public ConfidenceInterval avgDegradationDifference(String a, String b) {
    return bootstrap.interval(indices -> avgDegradation(a, indices) - avgDegradation(b, indices));
  }

  /** The least-squares line of perturbed on clean value through {@code fitted} on every video. */
  public EffectiveRobustness line(List<String> fitted) {
    return line(fitted, allVideos());
  }

  /**
   * The residual of {@code model} from the line through {@code fitted}, the line refitted on
   * every resample.
   */
  public ConfidenceInterval effectiveRobustness(String model, List<String> fitted) {
    return bootstrap.interval(indices -> line(fitted, indices)
        .residual(value(model, 0, indices), perturbed(model, indices)));
  }

  private EffectiveRobustness line(List<String> fitted, int[] indices) {
    double[] clean = new double[fitted.size()];
    double[] perturbed = new double[fitted.size()];
    for (int i = 0; i < clean.length; i++) {
      clean[i] = value(fitted.get(i), 0, indices);
      perturbed[i] = perturbed(fitted.get(i), indices);
    }
    return EffectiveRobustness.fit(clean, perturbed);
  }

  private double perturbed(String model, int[] indices) {
    int conditions = conditions(model);
    double sum = 0;
    for (int c = 1; c < conditions; c++) {
      sum += value(model, c, indices);
    }
    return sum / (conditions - 1);
  }

  private double avgDegradation(String model, int[] indices) {
    double clean = value(model, 0, indices);
    int conditions = conditions(model);
    double sum = 0;
    for (int c = 1; c < conditions; c++) {
      sum += Degradation.of(metric, clean, value(model, c, indices));
    }
    return sum / (conditions - 1);
  }

  private double value(String model, int condition, int[] indices) {
    arrays(model);
    return values.computeIfAbsent(indices, this::values).get(model)[condition];
  }

  /** The metric of every model and condition on one sample of the videos. */
  private Map<String, double[]> values(int[] indices) {
    Map<String, double[]> values = new HashMap<>();
    for (Map.Entry<String, Scored[]> model : arrays.entrySet()) {
      Scored[] byCondition = model.getValue();
      double[] row = new double[byCondition.length];
      for (int c = 0; c < row.length; c++) {
        row[c] = metric.compute(byCondition[c].resample(indices));
      }
      values.put(model.getKey(), row);
    }
    return values;
  }

  /** The number of conditions of {@code model}, clean included; at least one perturbed. */
  private int conditions(String model) {
    int conditions = arrays(model).length;
    if (conditions < 2) {
      throw new IllegalStateException("no perturbed condition: only the clean figures are defined");
    }
    return conditions;
  }

  private Scored[] arrays(String model) {
    Scored[] a = arrays.get(model);
    if (a == null) {
      throw new IllegalArgumentException("no complete predictions for " + model);
    }
    return a;
  }

  private int[] allVideos() {
    int[] all = new int[bootstrap.videos().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }
}
