package echobench.reports;

import java.util.List;

/**
 * How models are named in every table: {@code <encoder>/<probe>}, for example
 * {@code jepa-echo-tiny/attentive} or {@code echoprime/linear}, so the probe kind is part of the
 * label; a name without a slash has no recorded probe (a table typed in from a paper).
 *
 * <p>The reference baselines predict the same for every video, so their scores are what a probe
 * that learned nothing would score: {@value #TRAIN_MEAN_BASELINE} predicts the mean training
 * target (regression), {@value #MAJORITY_CLASS_BASELINE} the most frequent training class
 * (classification). The harness writes their predictions and results like any model's.
 */
public final class ModelNames {
  /** The model name of the predict-the-training-mean baseline. */
  public static final String TRAIN_MEAN_BASELINE = "baseline:train-mean";
  /** The model name of the predict-the-majority-class baseline. */
  public static final String MAJORITY_CLASS_BASELINE = "baseline:majority-class";
  /** Every reference baseline's model name. */
  public static final List<String> BASELINES =
      List.of(TRAIN_MEAN_BASELINE, MAJORITY_CLASS_BASELINE);

  private ModelNames() {}

  /** Whether {@code model} is one of the reference {@link #BASELINES}. */
  public static boolean isBaseline(String model) {
    return BASELINES.contains(model);
  }

  /** The probe kind after the last slash ({@code attentive}, {@code linear}), or "" when none. */
  public static String probe(String model) {
    int slash = model.lastIndexOf('/');
    return slash < 0 ? "" : model.substring(slash + 1);
  }
}
