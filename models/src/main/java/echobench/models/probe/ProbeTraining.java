package echobench.models.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * How a probe grid is trained: every {@code lr × wd} head on the same seeded mini-batches, AdamW,
 * per-step cosine decay from the head's learning rate to zero without warm-up, for a number of
 * epochs; at train time each present view of a multi-view sample is dropped with probability {@code
 * viewDropout} (at least one always stays).
 *
 * @param epochs passes over the training rows
 * @param batchSize rows per mini-batch (the last batch of an epoch may be smaller)
 * @param learningRates the grid's learning rates
 * @param weightDecays the grid's weight decays
 * @param viewDropout the probability of dropping a present view at train time
 * @param seed the seed of the shuffling, the view dropout and the heads' initialisation
 */
public record ProbeTraining(
    @JsonProperty("epochs") int epochs,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("learning_rates") List<Double> learningRates,
    @JsonProperty("weight_decays") List<Double> weightDecays,
    @JsonProperty("view_dropout") double viewDropout,
    @JsonProperty("seed") long seed) {

  /** EchoJEPA's learning rates. */
  public static final List<Double> ECHOJEPA_LEARNING_RATES = List.of(1e-4, 5e-5);

  /** EchoJEPA's weight decays. */
  public static final List<Double> ECHOJEPA_WEIGHT_DECAYS = List.of(0.01, 0.1, 0.4);

  public ProbeTraining {
    learningRates = List.copyOf(learningRates);
    weightDecays = List.copyOf(weightDecays);
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("epochs and batch size must be positive");
    }
    if (learningRates.isEmpty() || weightDecays.isEmpty()) {
      throw new IllegalArgumentException("the grid needs at least one lr and one wd");
    }
    for (double lr : learningRates) {
      if (!(lr > 0) || Double.isInfinite(lr)) {
        throw new IllegalArgumentException("learning rates must be positive, not " + lr);
      }
    }
    for (double wd : weightDecays) {
      if (!(wd >= 0) || Double.isInfinite(wd)) {
        throw new IllegalArgumentException("weight decays must be non-negative, not " + wd);
      }
    }
    if (!(viewDropout >= 0 && viewDropout < 1)) {
      throw new IllegalArgumentException("view dropout must lie in [0, 1), not " + viewDropout);
    }
  }

  /**
   * EchoJEPA's protocol: 20 epochs, lr {1e-4, 5e-5} × wd {0.01, 0.1, 0.4}, view dropout 0.1, with
   * the given batch size and seed.
   */
  public static ProbeTraining echoJepa(int batchSize, long seed) {
    return new ProbeTraining(
        20, batchSize, ECHOJEPA_LEARNING_RATES, ECHOJEPA_WEIGHT_DECAYS, 0.1, seed);
  }

  /** The grid, learning rate outer, weight decay inner. */
  public List<GridPoint> grid() {
    List<GridPoint> points = new ArrayList<>();
    for (double lr : learningRates) {
      for (double wd : weightDecays) {
        points.add(new GridPoint(lr, wd));
      }
    }
    return points;
  }
}
