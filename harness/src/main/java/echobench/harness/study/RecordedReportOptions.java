package echobench.harness.study;

import echobench.reports.io.InputException;
import echobench.reports.render.ReportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The report options of a study (its name as the title, its seed and bootstrap settings), both
 * when the run renders its report and when {@code echobench report RUN} renders it again from the
 * run's {@code config.resolved.yaml}, so the second rendering equals the first byte for byte.
 */
public final class RecordedReportOptions {
  private RecordedReportOptions() {}

  /** The options a run of {@code config} renders its report with. */
  static ReportOptions of(StudyConfig config) {
    return new ReportOptions(config.name(), Optional.empty(),
        config.bootstrap().settings(config.seed()));
  }

  /**
   * The options the run in {@code runDir} rendered its report with; empty when the folder holds
   * no resolved config (a results table from elsewhere).
   *
   * @throws echobench.reports.io.InputException naming the file when the resolved config is
   *     malformed
   */
  public static Optional<ReportOptions> ofRun(Path runDir) {
    Path file = runDir.resolve(StudyOutputs.RESOLVED_CONFIG);
    return Files.isRegularFile(file) ? Optional.of(of(StudyConfig.read(file))) : Optional.empty();
  }
}
