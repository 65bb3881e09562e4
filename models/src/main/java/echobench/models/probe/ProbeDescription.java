package echobench.models.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The content of a saved probe's {@code probe.json}: what it is, what it reads and predicts, how it
 * was trained and which head the grid kept. Fields that do not apply to a kind are null (omitted).
 *
 * @param format the layout tag, {@value #FORMAT}
 * @param kind attentive, linear or k-NN
 * @param task what the probe predicts
 * @param layout the features it was trained on
 * @param targetScaler the z-scoring of regression targets (identity for classification)
 * @param attentive the attentive probe's shape
 * @param knn the k-NN settings
 * @param training how the grid was trained
 * @param selection the grid's validation scores and the head kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeDescription(
    @JsonProperty("format") String format,
    @JsonProperty("kind") ProbeKind kind,
    @JsonProperty("task") ProbeTask task,
    @JsonProperty("layout") FeatureLayout layout,
    @JsonProperty("target_scaler") TargetScaler targetScaler,
    @JsonProperty("attentive") AttentiveProbeConfig attentive,
    @JsonProperty("knn") KnnProbe.Settings knn,
    @JsonProperty("training") ProbeTraining training,
    @JsonProperty("selection") GridSelection selection) {

  /** The format tag of this version of the probe layout. */
  public static final String FORMAT = "echobench-probe/1";
}
