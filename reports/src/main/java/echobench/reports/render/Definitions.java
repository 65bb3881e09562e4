package echobench.reports.render;

import echobench.reports.ModelNames;
import echobench.reports.metrics.LvefCategory;
import echobench.reports.metrics.Metric;
import echobench.reports.robustness.BaselineCheck;
import echobench.reports.robustness.EffectiveRobustness;
import echobench.reports.stats.BootstrapSettings;
import java.util.List;
import java.util.Locale;

/**
 * The one-line definition of every number the report prints, placed under each table that shows
 * it: the metrics (the LVEF category readings included), Avg. Deg., effective robustness, the
 * clean difference from the reference baseline, and the interval method with the unit it
 * resampled.
 */
final class Definitions {
  /** Avg. Deg. */
  static final String AVG_DEGRADATION = "Avg. Deg.: the mean over the perturbed conditions"
      + " (severity 1 and up) of the degradation (err_p − err_clean) / err_clean for errors,"
      + " (score_clean − score_p) / score_clean for scores; positive is a loss.";

  /** Effective robustness. */
  static final String EFFECTIVE_ROBUSTNESS = "Eff. robustness: the model's perturbed value (mean"
      + " over the perturbed conditions) minus the least-squares line of perturbed on clean value"
      + " across the models other than the baseline, at its clean value (Taori et al. 2020; at"
      + " least " + EffectiveRobustness.MIN_MODELS + " models; for an error, negative is more"
      + " robust than the trend).";

  /** The clean difference from the reference baseline. */
  static final String AGAINST_BASELINE = "Against the reference baseline: the model's clean value"
      + " minus the baseline's on the same videos (" + ModelNames.TRAIN_MEAN_BASELINE
      + " predicts the training mean, " + ModelNames.MAJORITY_CLASS_BASELINE + " the most"
      + " frequent training class, for every video), with the paired-bootstrap interval of the"
      + " difference; for an error, negative is a lower error than the baseline's; significant"
      + " when the interval excludes 0. The ⚠ flag (error metrics) asks more: a clean error at"
      + " least " + BaselineCheck.MARGIN_PERCENT + " % below the baseline's.";

  private Definitions() {}

  /** What {@code metric} measures. */
  static String of(Metric metric) {
    return switch (metric) {
      case MAE -> "mae: mean absolute error of the predicted EF, in EF points.";
      case RMSE -> "rmse: root mean squared error of the predicted EF, in EF points.";
      case R2 -> "r2: coefficient of determination 1 − SS_res / SS_tot.";
      case AUROC_EF50 -> "auroc_ef50: area under the ROC curve for EF < 50 %, lower predicted EF"
          + " ranked more likely reduced.";
      case ACCURACY -> "accuracy: share of videos whose class is predicted correctly.";
      case BALANCED_ACCURACY -> "balanced_accuracy: mean per-class recall.";
      case MACRO_F1 -> "macro_f1: unweighted mean of the per-class F1.";
      case MACRO_AUROC -> "macro_auroc: unweighted mean over the classes present of the"
          + " one-vs-rest AUROC of each class's predicted probability.";
      case CATEGORY_ERROR -> "category_error: share of patients (videos) whose predicted LVEF"
          + " category differs from the true EF's; " + CATEGORIES;
      case CATEGORY_FLIP -> "category_flip (flip rate): share of patients (videos) whose"
          + " predicted LVEF category under the condition differs from the same model's clean"
          + " prediction's; 0 on clean by definition, so it has no degradation; " + CATEGORIES;
    };
  }

  /** The interval method and, per dataset, the unit resampled. */
  static String intervals(BootstrapSettings settings, List<String> datasets) {
    StringBuilder units = new StringBuilder();
    for (String dataset : datasets) {
      units.append(units.length() == 0 ? "" : ", ").append(dataset).append(" by ")
          .append(settings.units().unit(dataset));
    }
    return String.format(Locale.ROOT, "Intervals: %.0f %% percentile intervals of the paired"
        + " bootstrap (%d resamples, seed %d; every model and condition resampled with the same"
        + " draws), resampling %s. By patient: a resample draws patients with replacement and"
        + " takes all their videos.", 100 * settings.level(), settings.resamples(),
        settings.seed(), units);
  }

  private static final String CATEGORIES = "categories: reduced EF ≤ "
      + (int) LvefCategory.REDUCED_MAX + " %, mildly reduced " + (int) LvefCategory.REDUCED_MAX
      + " % < EF < " + (int) LvefCategory.NORMAL_MIN + " %, normal EF ≥ "
      + (int) LvefCategory.NORMAL_MIN + " %.";
}
