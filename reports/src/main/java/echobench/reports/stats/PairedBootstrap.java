package echobench.reports.stats;

import echobench.reports.metrics.Metric;
import echobench.reports.metrics.Scored;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The paired bootstrap over the videos of one dataset (DESIGN §6). The resampled index sets are
 * drawn once from the seed over the sorted video list, so they depend on the seed and the video
 * list only: every model and condition is resampled with the same sets, and the intervals of two
 * models are paired.
 *
 * <p>Where the dataset's videos have patient ids ({@link ResamplingUnits}) a resample draws as
 * many patients as there are, with replacement, and takes every video of each drawn patient
 * (the cluster bootstrap), so a resample may hold more or fewer videos than the dataset. Patients
 * are ordered by their first video in sorted order, so with one video per patient the index sets
 * are exactly those of the video bootstrap.
 *
 * <p>Intervals are percentile intervals (Commons Math {@link Percentile}, estimation R-7). A
 * replicate where a statistic is undefined (an AUROC resample holding one class) is left out.
 */
public final class PairedBootstrap {
  private final List<String> videos;
  private final BootstrapSettings settings;
  private final int[][] indexSets;

  /**
   * @param videos the dataset's video ids; their sorted order is the order every array given to
   *     this bootstrap must follow
   * @throws IllegalArgumentException for an empty or repeated video list
   */
  public PairedBootstrap(Collection<String> videos, BootstrapSettings settings) {
    this(videos, settings, Map.of());
  }

  /**
   * The bootstrap of {@code dataset}: by patient when {@code settings} know its patients, else by
   * video.
   *
   * @throws IllegalArgumentException for an empty or repeated video list
   */
  public PairedBootstrap(String dataset, Collection<String> videos, BootstrapSettings settings) {
    this(videos, settings, settings.units().patientsOf(dataset).orElse(Map.of()));
  }

  private PairedBootstrap(Collection<String> videos, BootstrapSettings settings,
      Map<String, String> patients) {
    TreeSet<String> sorted = new TreeSet<>(videos);
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("no videos to resample");
    }
    if (sorted.size() != videos.size()) {
      throw new IllegalArgumentException("the video list repeats a video");
    }
    this.videos = List.copyOf(sorted);
    this.settings = settings;
    this.indexSets = draw(clusters(this.videos, patients), settings);
  }

  /** The videos in the order per-video arrays follow. */
  public List<String> videos() {
    return videos;
  }

  /**
   * {@code metric} on the aligned arrays with its percentile interval.
   *
   * @param targets per-video targets in {@link #videos()} order
   * @param predictions per-video predictions in the same order
   */
  public ConfidenceInterval interval(Metric metric, double[] targets, double[] predictions) {
    return interval(metric, Scored.of(targets, predictions));
  }

  /**
   * {@code metric} on {@code scored} (per-video values in {@link #videos()} order) with its
   * percentile interval; class probabilities are resampled with their videos.
   */
  public ConfidenceInterval interval(Metric metric, Scored scored) {
    checkLength(scored.targets());
    return percentileInterval(metric.compute(scored),
        indices -> metric.compute(scored.resample(indices)));
  }

  /** The mean of per-video {@code values} (in {@link #videos()} order) with its interval. */
  public ConfidenceInterval meanInterval(double[] values) {
    checkLength(values);
    return percentileInterval(mean(values, null), indices -> mean(values, indices));
  }

  /**
   * Any statistic of the videos with its interval: {@code statistic} receives the indices (into
   * {@link #videos()}) of a sample; the estimate is its value on every video once, the interval
   * its percentiles over the resampled index sets.
   */
  public ConfidenceInterval interval(ToDoubleFunction<int[]> statistic) {
    int[] all = new int[videos.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return percentileInterval(statistic.applyAsDouble(all), statistic);
  }

  private ConfidenceInterval percentileInterval(
      double estimate, ToDoubleFunction<int[]> statistic) {
    List<Double> replicates = new ArrayList<>(indexSets.length);
    for (int[] indices : indexSets) {
      double r = statistic.applyAsDouble(indices);
      if (!Double.isNaN(r)) {
        replicates.add(r);
      }
    }
    if (replicates.isEmpty()) {
      return new ConfidenceInterval(estimate, Double.NaN, Double.NaN);
    }
    double[] values = replicates.stream().mapToDouble(Double::doubleValue).toArray();
    Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    percentile.setData(values);
    double tail = (1 - settings.level()) / 2 * 100;
    return new ConfidenceInterval(
        estimate, percentile.evaluate(tail), percentile.evaluate(100 - tail));
  }

  private void checkLength(double[] values) {
    if (values.length != videos.size()) {
      throw new IllegalArgumentException(
          values.length + " per-video values for " + videos.size() + " videos");
    }
  }

  private static double mean(double[] values, int[] indices) {
    double sum = 0;
    int n = indices == null ? values.length : indices.length;
    for (int i = 0; i < n; i++) {
      sum += values[indices == null ? i : indices[i]];
    }
    return sum / n;
  }

  /**
   * The video indices of each patient, patients in the order of their first video; a video
   * without a patient is its own cluster.
   */
  private static int[][] clusters(List<String> videos, Map<String, String> patients) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < videos.size(); i++) {
      String patient = patients.get(videos.get(i));
      members.computeIfAbsent(patient == null ? "\u0000" + videos.get(i) : patient,
          k -> new ArrayList<>()).add(i);
    }
    return members.values().stream()
        .map(m -> m.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  private static int[][] draw(int[][] clusters, BootstrapSettings settings) {
    SplittableRandom random = new SplittableRandom(settings.seed());
    int n = clusters.length;
    int[][] sets = new int[settings.resamples()][];
    int[] drawn = new int[n];
    for (int s = 0; s < sets.length; s++) {
      int size = 0;
      for (int i = 0; i < n; i++) {
        drawn[i] = random.nextInt(n);
        size += clusters[drawn[i]].length;
      }
      int[] set = new int[size];
      int at = 0;
      for (int i = 0; i < n; i++) {
        int[] members = clusters[drawn[i]];
        System.arraycopy(members, 0, set, at, members.length);
        at += members.length;
      }
      sets[s] = set;
    }
    return sets;
  }
}
