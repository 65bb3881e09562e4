package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.IntegrityException;
import echobench.reports.Condition;
import java.util.List;
import java.util.Locale;

/**
 * The cached predictions of one model (encoder and probe) on one dataset under one condition, as
 * {@code <run>/cache/predictions/<hash>.json}; the hash covers every input, so a resumed run
 * reuses the file exactly when it would compute the same values. Values are stored as JSON numbers
 * that read back to the same doubles.
 *
 * @param model {@code <encoder>/<probe>}
 * @param dataset the dataset's name
 * @param perturbation the condition's perturbation ({@code none} when clean) as the tables'
 *     perturbation column writes it ({@link Condition#perturbationColumn()}: {@code [VIEW]}
 *     appended when scoped to one view)
 * @param severity the condition's severity
 * @param videos the video ids, in dataset order
 * @param targets the targets, one per video
 * @param predictions the predictions (class indices for classification), one per video
 * @param scores the class probabilities of each video, one row per video (empty rows for
 *     regression)
 * @param skipped the dataset's videos this pass could not read
 */
record PredictionGroupFile(
    @JsonProperty("model") String model,
    @JsonProperty("dataset") String dataset,
    @JsonProperty("perturbation") String perturbation,
    @JsonProperty("severity") int severity,
    @JsonProperty("videos") List<String> videos,
    @JsonProperty("targets") double[] targets,
    @JsonProperty("predictions") double[] predictions,
    @JsonProperty("scores") double[][] scores,
    @JsonProperty("skipped") List<SkippedVideo> skipped) {

  /**
   * Checks that this group holds exactly one prediction per video that went in, in the same
   * order, each with that video's own label as its target (so no clip of another video stood in).
   *
   * @param expectedVideos the ids of the videos that went in (the readable ones), in order
   * @param expectedTargets their labels
   * @throws IntegrityException naming the model, dataset, condition and the first discrepancy
   */
  void requireCovers(List<String> expectedVideos, double[] expectedTargets) {
    if (videos.size() != targets.length || videos.size() != predictions.length
        || scores == null || videos.size() != scores.length) {
      throw violation(videos.size() + " videos but " + targets.length + " targets, "
          + predictions.length + " predictions and "
          + (scores == null ? 0 : scores.length) + " rows of class probabilities");
    }
    if (videos.size() != expectedVideos.size()) {
      throw violation(expectedVideos.size() + " videos in, " + videos.size()
          + " predictions out");
    }
    for (int i = 0; i < videos.size(); i++) {
      if (!videos.get(i).equals(expectedVideos.get(i))) {
        throw violation("prediction " + (i + 1) + " is for video " + videos.get(i) + ", but video "
            + (i + 1) + " in is " + expectedVideos.get(i) + " (order changed or video replaced)");
      }
      if (Double.compare(targets[i], expectedTargets[i]) != 0) {
        throw violation(String.format(Locale.ROOT,
            "video %s carries target %s, not its label %s (a clip of another video stood in)",
            videos.get(i), targets[i], expectedTargets[i]));
      }
    }
  }

  /** The class probabilities of video {@code index} (empty for regression). */
  double[] scoresOf(int index) {
    return scores[index];
  }

  private IntegrityException violation(String what) {
    return new IntegrityException(model + " on " + dataset + " under "
        + Condition.fromColumns(perturbation, severity).label() + ": " + what);
  }
}
