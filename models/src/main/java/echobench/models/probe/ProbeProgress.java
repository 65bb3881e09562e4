package echobench.models.probe;

/**
 * Hears a probe's training after every epoch, for a progress display. Listening never changes
 * the trained probe: scoring the validation split draws no random numbers and updates nothing.
 */
@FunctionalInterface
public interface ProbeProgress {
  /** Hears nothing; the validation split is then scored only once, after the last epoch. */
  ProbeProgress NONE = (epoch, epochs, metric, bestValidation) -> { };

  /**
   * One epoch is done.
   *
   * @param epoch epochs done so far, 1 to {@code epochs}
   * @param epochs the epochs of the whole training
   * @param metric the validation metric that selects the grid's head
   * @param bestValidation the best head's validation score after this epoch, or NaN when this
   *     epoch was not scored (the split is scored about five times per training, always after
   *     the last epoch, so that progress costs little)
   */
  void epochDone(int epoch, int epochs, SelectionMetric metric, double bestValidation);
}
