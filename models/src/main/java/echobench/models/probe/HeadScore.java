package echobench.models.probe;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The validation result of one head of the grid.
 *
 * @param point its learning rate and weight decay
 * @param validation its {@link SelectionMetric} on the validation split
 * @param finalLoss its training loss averaged over the last epoch
 */
public record HeadScore(
    @JsonProperty("point") GridPoint point,
    @JsonProperty("validation") double validation,
    @JsonProperty("final_loss") double finalLoss) {}
