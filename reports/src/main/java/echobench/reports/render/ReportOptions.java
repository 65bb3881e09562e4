package echobench.reports.render;

import echobench.reports.stats.BootstrapSettings;
import java.util.Optional;

/**
 * Choices for a report.
 *
 * @param title the report's title
 * @param referenceModel the model relative robustness and paired tests compare against; empty
 *     for the first model of the results that is not the baseline
 * @param bootstrap the resampling of the model-vs-model tests
 */
public record ReportOptions(
    String title, Optional<String> referenceModel, BootstrapSettings bootstrap) {
  /** The default title. */
  public static final String DEFAULT_TITLE = "EchoBench robustness report";
}
