package echobench.reports.results;

import echobench.reports.Condition;
import echobench.reports.metrics.Metric;
import echobench.reports.metrics.Scored;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Per-video predictions grouped by model, dataset and condition, and aligned by video id: the
 * view that metrics, bootstrap intervals and paired comparisons need.
 */
public final class PredictionIndex {
  private final Map<PredictionGroup, Map<String, Prediction>> groups = new LinkedHashMap<>();
  private final Map<String, SortedSet<String>> videosByDataset = new HashMap<>();

  /** @throws IllegalArgumentException if a group holds a video twice */
  public PredictionIndex(List<Prediction> predictions) {
    for (Prediction p : predictions) {
      PredictionGroup group = new PredictionGroup(p.model(), p.dataset(), p.condition());
      Prediction previous =
          groups.computeIfAbsent(group, g -> new HashMap<>()).putIfAbsent(p.video(), p);
      if (previous != null) {
        throw new IllegalArgumentException(group + " predicts video " + p.video() + " twice");
      }
      videosByDataset.computeIfAbsent(p.dataset(), d -> new TreeSet<>()).add(p.video());
    }
  }

  /** Every group, in the order it first appears. */
  public Set<PredictionGroup> groups() {
    return groups.keySet();
  }

  /** Every video of {@code dataset} seen in any group, sorted; empty for an unknown dataset. */
  public SortedSet<String> videos(String dataset) {
    return videosByDataset.getOrDefault(dataset, new TreeSet<>());
  }

  /** Whether {@code group} has predictions. */
  public boolean contains(PredictionGroup group) {
    return groups.containsKey(group);
  }

  /** Whether {@code group} predicts exactly the videos of its dataset. */
  public boolean isComplete(PredictionGroup group) {
    return groups.get(group).size() == videos(group.dataset()).size();
  }

  /** The targets of {@code group} in the order of {@code videos}. */
  public double[] targets(PredictionGroup group, List<String> videos) {
    return aligned(group, videos, true);
  }

  /** The predictions of {@code group} in the order of {@code videos}. */
  public double[] predictions(PredictionGroup group, List<String> videos) {
    return aligned(group, videos, false);
  }

  /**
   * {@link #scored(PredictionGroup, List)} as {@code metric} compares it: with the targets, or,
   * for a metric that {@linkplain Metric#comparesWithCleanPrediction() compares with the clean
   * prediction}, with the same model's clean predictions on the dataset in their place.
   *
   * @throws IllegalArgumentException if a group needed is missing or lacks one of the videos
   */
  public Scored scored(PredictionGroup group, Metric metric, List<String> videos) {
    Scored scored = scored(group, videos);
    return metric.comparesWithCleanPrediction()
        ? Scored.of(predictions(new PredictionGroup(group.model(), group.dataset(),
            Condition.CLEAN), videos), scored.predictions())
        : scored;
  }

  /**
   * The targets, predictions and (when every one of its rows carries them) class probabilities of
   * {@code group} in the order of {@code videos}.
   */
  public Scored scored(PredictionGroup group, List<String> videos) {
    double[][] scores = new double[videos.size()][];
    Map<String, Prediction> byVideo = groups.get(group);
    boolean complete = byVideo != null;
    for (int i = 0; complete && i < scores.length; i++) {
      Prediction p = byVideo.get(videos.get(i));
      complete = p != null && p.hasScores();
      scores[i] = complete ? p.scores() : null;
    }
    return new Scored(targets(group, videos), predictions(group, videos),
        complete ? scores : null);
  }

  /** The per-video absolute errors of {@code group} in the order of {@code videos}. */
  public double[] absoluteErrors(PredictionGroup group, List<String> videos) {
    double[] t = targets(group, videos);
    double[] p = predictions(group, videos);
    for (int i = 0; i < t.length; i++) {
      p[i] = Math.abs(p[i] - t[i]);
    }
    return p;
  }

  private double[] aligned(PredictionGroup group, List<String> videos, boolean target) {
    Map<String, Prediction> byVideo = groups.get(group);
    if (byVideo == null) {
      throw new IllegalArgumentException("no predictions for " + group);
    }
    double[] values = new double[videos.size()];
    for (int i = 0; i < values.length; i++) {
      Prediction p = byVideo.get(videos.get(i));
      if (p == null) {
        throw new IllegalArgumentException(group + " has no prediction for " + videos.get(i));
      }
      values[i] = target ? p.target() : p.prediction();
    }
    return values;
  }
}
