package echobench.reports;

/**
 * How models are named in every table: {@code <encoder>/<probe>}, for example
 * {@code jepa-echo-tiny/attentive} or {@code echoprime/linear}, so the probe kind is part of the
 * label; a name without a slash has no recorded probe (a table typed in from a paper).
 *
 * <p>The "predict the training mean" reference is the model {@value #TRAIN_MEAN_BASELINE}: it
 * predicts the mean training target for every video, so its error is what a probe that learned
 * nothing would score. The harness writes its predictions and results like any model's.
 */
public final class ModelNames {
  /** The model name of the predict-the-training-mean baseline. */
  public static final String TRAIN_MEAN_BASELINE = "baseline:train-mean";

  private ModelNames() {}

  /** Whether {@code model} is the predict-the-training-mean baseline. */
  public static boolean isBaseline(String model) {
    return TRAIN_MEAN_BASELINE.equals(model);
  }

  /** The probe kind after the last slash ({@code attentive}, {@code linear}), or "" when none. */
  public static String probe(String model) {
    int slash = model.lastIndexOf('/');
    return slash < 0 ? "" : model.substring(slash + 1);
  }
}
