package echobench.models.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of a probe grid: every head's validation score and the index of the head kept. The
 * choice is made on the validation split only; the test split never reaches the trainer.
 *
 * @param metric the selection metric
 * @param heads every head's score, in grid order
 * @param selected the index of the best head (the first among equals)
 */
public record GridSelection(
    @JsonProperty("metric") SelectionMetric metric,
    @JsonProperty("heads") List<HeadScore> heads,
    @JsonProperty("selected") int selected) {

  public GridSelection {
    heads = List.copyOf(heads);
    if (selected < 0 || selected >= heads.size()) {
      throw new IllegalArgumentException("selected head " + selected + " of " + heads.size());
    }
  }

  /** Selects the best of {@code heads} under {@code metric}. */
  public static GridSelection best(SelectionMetric metric, List<HeadScore> heads) {
    if (heads.isEmpty()) {
      throw new IllegalArgumentException("no head to select from");
    }
    int best = 0;
    for (int i = 1; i < heads.size(); i++) {
      if (metric.isBetter(heads.get(i).validation(), heads.get(best).validation())) {
        best = i;
      }
    }
    return new GridSelection(metric, heads, best);
  }

  /** The kept head's score. */
  public HeadScore best() {
    return heads.get(selected);
  }
}
