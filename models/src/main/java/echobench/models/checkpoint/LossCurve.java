package echobench.models.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A pretraining loss curve in five numbers, kept in a checkpoint's provenance so a reader can judge
 * the run without its {@code loss.csv}: where it started, its lowest value, where it ended, and the
 * mean over the first and the last tenth of the steps (single steps are noisy).
 *
 * @param steps steps logged
 * @param first the first step's loss
 * @param min the lowest loss
 * @param last the last step's loss
 * @param firstTenthMean mean loss over the first tenth of the steps (at least one step)
 * @param lastTenthMean mean loss over the last tenth of the steps (at least one step)
 */
public record LossCurve(
    @JsonProperty("steps") int steps,
    @JsonProperty("first") double first,
    @JsonProperty("min") double min,
    @JsonProperty("last") double last,
    @JsonProperty("first_tenth_mean") double firstTenthMean,
    @JsonProperty("last_tenth_mean") double lastTenthMean) {

  /** The summary of {@code losses}, one per step in step order (at least one). */
  public static LossCurve of(List<Double> losses) {
    if (losses.isEmpty()) {
      throw new IllegalArgumentException("no losses to summarise");
    }
    int n = losses.size();
    int tenth = Math.max(1, n / 10);
    double min = losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    return new LossCurve(n, losses.get(0), min, losses.get(n - 1),
        mean(losses.subList(0, tenth)), mean(losses.subList(n - tenth, n)));
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
