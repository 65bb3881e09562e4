package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.task.EchoTask;
import echobench.reports.ReferenceBaseline;
import java.util.List;

/**
 * What the training pass over the train dataset found, cached beside the probes so a resumed run
 * that reuses them still knows it: the training split's baseline prediction and the skipped videos.
 *
 * @param baseline the mean training target (regression) or the most frequent training class
 * @param baselineScores the training class frequencies (classification); empty for regression
 * @param trainVideos readable training videos
 * @param valVideos readable validation videos
 * @param skipped the training and validation videos that could not be read
 */
record TrainingRecord(
    @JsonProperty("baseline") double baseline,
    @JsonProperty("baseline_scores") double[] baselineScores,
    @JsonProperty("train_videos") int trainVideos,
    @JsonProperty("val_videos") int valVideos,
    @JsonProperty("skipped") List<SkippedVideo> skipped) {

  /** The record of the training split whose labels gave {@code baseline}. */
  TrainingRecord(ReferenceBaseline baseline, int trainVideos, int valVideos,
      List<SkippedVideo> skipped) {
    this(baseline.prediction(), baseline.scores(), trainVideos, valVideos, skipped);
  }

  /** The reference baseline of {@code task} this record holds. */
  ReferenceBaseline baseline(EchoTask task) {
    return new ReferenceBaseline(task.baselineName(), baseline, baselineScores);
  }
}
