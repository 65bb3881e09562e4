package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the training pass over the train dataset found, cached beside the probes so a resumed run
 * that reuses them still knows it: the training split's baseline prediction and the skipped videos.
 *
 * @param baseline the mean training target (regression) or the most frequent training class
 * @param trainVideos readable training videos
 * @param valVideos readable validation videos
 * @param skipped the training and validation videos that could not be read
 */
record TrainingRecord(
    @JsonProperty("baseline") double baseline,
    @JsonProperty("train_videos") int trainVideos,
    @JsonProperty("val_videos") int valVideos,
    @JsonProperty("skipped") List<SkippedVideo> skipped) {}
