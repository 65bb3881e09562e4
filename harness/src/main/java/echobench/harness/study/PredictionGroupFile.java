package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The cached predictions of one model (encoder and probe) on one dataset under one condition, as
 * {@code <run>/cache/predictions/<hash>.json}; the hash covers every input, so a resumed run
 * reuses the file exactly when it would compute the same values. Values are stored as JSON numbers
 * that read back to the same doubles.
 *
 * @param model {@code <encoder>/<probe>}
 * @param dataset the dataset's name
 * @param perturbation the condition's perturbation ({@code none} when clean)
 * @param severity the condition's severity
 * @param videos the video ids, in dataset order
 * @param targets the targets, one per video
 * @param predictions the predictions (class indices for classification), one per video
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
    @JsonProperty("skipped") List<SkippedVideo> skipped) {}
