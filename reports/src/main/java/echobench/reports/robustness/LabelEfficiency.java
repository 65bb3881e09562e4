package echobench.reports.robustness;

import echobench.reports.ModelNames;
import echobench.reports.TrainingVariant;
import echobench.reports.metrics.Metric;
import echobench.reports.results.SummaryRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Label efficiency: for every model fitted on stratified subsets of TRAIN ({@link
 * TrainingVariant}), its clean value and Avg. Deg. at each label fraction, as the mean and sample
 * standard deviation (n − 1) over the label seeds. The full fraction is the plain model, one seed.
 * Computed from the summary rows alone.
 */
public final class LabelEfficiency {
  private LabelEfficiency() {}

  /**
   * One label fraction of one model.
   *
   * @param seeds how many label seeds were fitted
   * @param cleanSd NaN with one seed
   * @param avgDegradationSd NaN with one seed
   */
  public record Point(double fraction, int seeds, double cleanMean, double cleanSd,
      double avgDegradationMean, double avgDegradationSd) {}

  /** One model's points on one dataset, task and metric, by rising fraction. */
  public record Curve(String model, String dataset, String task, Metric metric,
      List<Point> points) {}

  /**
   * The curves of every model that has subset variants in {@code rows}, in the order the plain
   * models first appear; empty when no probe was fitted on a subset.
   */
  public static List<Curve> of(List<SummaryRow> rows) {
    Map<List<Object>, TreeMap<Double, List<SummaryRow>>> groups = new LinkedHashMap<>();
    List<List<Object>> withSubsets = new ArrayList<>();
    for (SummaryRow r : rows) {
      TrainingVariant v = TrainingVariant.parse(r.model());
      if (v.fineTuned() || ModelNames.isBaseline(r.model())) {
        continue;
      }
      List<Object> key = List.of(v.base(), r.dataset(), r.task(), r.metric());
      groups.computeIfAbsent(key, k -> new TreeMap<>())
          .computeIfAbsent(v.labelFraction(), f -> new ArrayList<>()).add(r);
      if (v.isSubset() && !withSubsets.contains(key)) {
        withSubsets.add(key);
      }
    }
    List<Curve> curves = new ArrayList<>();
    for (Map.Entry<List<Object>, TreeMap<Double, List<SummaryRow>>> g : groups.entrySet()) {
      if (!withSubsets.contains(g.getKey())) {
        continue;
      }
      List<Point> points = new ArrayList<>();
      g.getValue().forEach((fraction, seeds) -> {
        double[] clean = seeds.stream().mapToDouble(SummaryRow::clean).toArray();
        double[] deg = seeds.stream().mapToDouble(SummaryRow::avgDegradation).toArray();
        points.add(new Point(fraction, seeds.size(), mean(clean), sd(clean), mean(deg), sd(deg)));
      });
      List<Object> k = g.getKey();
      curves.add(new Curve((String) k.get(0), (String) k.get(1), (String) k.get(2),
          (Metric) k.get(3), points));
    }
    return curves;
  }

  /** The arithmetic mean. */
  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The sample standard deviation (divisor n − 1); NaN for fewer than two values. */
  static double sd(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
