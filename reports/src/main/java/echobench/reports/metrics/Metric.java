package echobench.reports.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Every metric a results table may hold: its name in the tables, whether lower or higher is
 * better, the kind of task it applies to, and its computation from per-video targets and
 * predictions (class indices for classification, stored as numbers) and, for a metric of class
 * probabilities, each video's probabilities ({@link Scored}).
 */
public enum Metric {
  /** Mean absolute error, in the target's units (LVEF points). */
  MAE("mae", Sense.ERROR, TaskKind.REGRESSION, 2, RegressionMetrics::meanAbsoluteError),
  /** Root mean squared error, in the target's units. */
  RMSE("rmse", Sense.ERROR, TaskKind.REGRESSION, 2, RegressionMetrics::rootMeanSquaredError),
  /** Coefficient of determination {@code 1 − SS_res/SS_tot}. */
  R2("r2", Sense.SCORE, TaskKind.REGRESSION, 3, RegressionMetrics::coefficientOfDetermination),
  /**
   * Area under the ROC curve for reduced ejection fraction: the positive class is a target below
   * 50 %, and a lower predicted EF ranks a video as more likely positive.
   */
  AUROC_EF50("auroc_ef50", Sense.SCORE, TaskKind.REGRESSION, 3,
      (t, p) -> RegressionMetrics.aurocBelow(t, p, RegressionMetrics.REDUCED_EF_THRESHOLD)),
  /** Fraction of videos whose class is predicted correctly. */
  ACCURACY("accuracy", Sense.SCORE, TaskKind.CLASSIFICATION, 3,
      (t, p) -> ConfusionMatrix.of(t, p).accuracy()),
  /** Mean per-class recall over the classes present in the targets. */
  BALANCED_ACCURACY("balanced_accuracy", Sense.SCORE, TaskKind.CLASSIFICATION, 3,
      (t, p) -> ConfusionMatrix.of(t, p).balancedAccuracy()),
  /** Unweighted mean of the per-class F1 over the classes in targets or predictions. */
  MACRO_F1("macro_f1", Sense.SCORE, TaskKind.CLASSIFICATION, 3,
      (t, p) -> ConfusionMatrix.of(t, p).macroF1()),
  /**
   * Unweighted mean over the classes present in the targets of the one-vs-rest AUROC of that
   * class's predicted probability; NaN with fewer than two classes present.
   */
  MACRO_AUROC("macro_auroc", Sense.SCORE, TaskKind.CLASSIFICATION, 3,
      ClassProbabilityMetrics::macroOneVsRestAuroc),
  /**
   * LVEF category error: the share of videos whose predicted {@link LvefCategory} differs from
   * the category of the true EF.
   */
  CATEGORY_ERROR("category_error", Sense.ERROR, TaskKind.REGRESSION, 3,
      LvefCategory::disagreement),
  /**
   * LVEF category flip rate: the share of videos whose predicted {@link LvefCategory} differs
   * from the category of the same model's clean prediction. It compares with the clean
   * predictions, not the targets ({@link #comparesWithCleanPrediction()}), so it is 0 on clean
   * and has no degradation.
   */
  CATEGORY_FLIP("category_flip", Sense.ERROR, TaskKind.REGRESSION, 3,
      LvefCategory::disagreement);

  /** Whether a metric is an error (lower is better) or a score (higher is better). */
  public enum Sense {
    /** Lower is better. */
    ERROR,
    /** Higher is better. */
    SCORE
  }

  /** The kind of prediction a metric applies to. */
  public enum TaskKind {
    /** A continuous target such as LVEF. */
    REGRESSION,
    /** A class index such as the view. */
    CLASSIFICATION
  }

  private final String id;
  private final Sense sense;
  private final TaskKind taskKind;
  private final int displayDecimals;
  private final ToDoubleFunction<Scored> computation;

  /** A metric of targets and predictions alone. */
  Metric(String id, Sense sense, TaskKind taskKind, int displayDecimals,
      ToDoubleBiFunction<double[], double[]> computation) {
    this(id, sense, taskKind, displayDecimals,
        (ToDoubleFunction<Scored>) s -> computation.applyAsDouble(s.targets(), s.predictions()));
  }

  /** A metric that may read the class probabilities too. */
  Metric(String id, Sense sense, TaskKind taskKind, int displayDecimals,
      ToDoubleFunction<Scored> computation) {
    this.id = id;
    this.sense = sense;
    this.taskKind = taskKind;
    this.displayDecimals = displayDecimals;
    this.computation = computation;
  }

  /** The name in the tables and gate rules ({@code mae}). */
  public String id() {
    return id;
  }

  /** Error or score. */
  public Sense sense() {
    return sense;
  }

  /** Whether lower values are better. */
  public boolean isError() {
    return sense == Sense.ERROR;
  }

  /** Regression or classification. */
  public TaskKind taskKind() {
    return taskKind;
  }

  /** Decimals shown in a report. */
  public int displayDecimals() {
    return displayDecimals;
  }

  /**
   * The metric over paired per-video targets and predictions; {@code NaN} where it is undefined
   * on these data (AUROC with a single class present, R² of a constant target).
   *
   * @throws IllegalArgumentException for arrays of different or zero length, non-integral class
   *     indices for a classification metric, or a metric that needs class probabilities
   */
  public double compute(double[] targets, double[] predictions) {
    return compute(Scored.of(targets, predictions));
  }

  /**
   * The metric over {@code scored}; {@code NaN} where it is undefined on these data.
   *
   * @throws IllegalArgumentException for no videos, non-integral class indices for a
   *     classification metric, or a metric of class probabilities without them
   */
  public double compute(Scored scored) {
    if (scored.size() == 0) {
      throw new IllegalArgumentException(id + " of no videos");
    }
    return computation.applyAsDouble(scored);
  }

  /**
   * Whether the metric compares a condition's predictions with the same model's clean
   * predictions instead of the targets (the category flip rate): the caller passes the clean
   * predictions as the {@code targets} of {@link #compute}.
   */
  public boolean comparesWithCleanPrediction() {
    return this == CATEGORY_FLIP;
  }

  /**
   * Whether a degradation relative to the clean value means something: not for a metric that is
   * 0 on clean by definition ({@link #comparesWithCleanPrediction()}).
   */
  public boolean hasDegradation() {
    return !comparesWithCleanPrediction();
  }

  /** The metric named {@code id}, or empty. */
  public static Optional<Metric> byId(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }

  /** The metric named {@code id}; the exception lists the known names. */
  public static Metric parse(String id) {
    return byId(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown metric '" + id + "' (known: " + String.join(", ", ids()) + ")"));
  }

  /** Every metric name, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Metric::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
