package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A video that could not be decoded and was left out of a study, as listed in {@code run.json}.
 *
 * @param dataset the dataset's name in the config
 * @param video the sample id
 * @param file the video file
 * @param reason the decoder's message
 */
public record SkippedVideo(
    @JsonProperty("dataset") String dataset,
    @JsonProperty("video") String video,
    @JsonProperty("file") String file,
    @JsonProperty("reason") String reason) {}
