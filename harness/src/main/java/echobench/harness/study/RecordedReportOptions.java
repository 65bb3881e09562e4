package echobench.harness.study;

import echobench.reports.io.InputException;
import echobench.reports.render.ReportOptions;
import echobench.reports.results.PatientsTable;
import echobench.reports.stats.ResamplingUnits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The report options of a study (its name as the title, its seed and bootstrap settings), both
 * when the run renders its report and when {@code echobench report RUN} renders it again from the
 * run's {@code config.resolved.yaml} (and {@code patients.csv}, the patients it resampled), so
 * the second rendering equals the first byte for byte.
 */
public final class RecordedReportOptions {
  private RecordedReportOptions() {}

  /** The options a run of {@code config} renders its report with, resampling {@code units}. */
  static ReportOptions of(StudyConfig config, ResamplingUnits units) {
    return new ReportOptions(config.name(), Optional.empty(),
        config.bootstrap().settings(config.seed()).withUnits(units));
  }

  /**
   * The options the run in {@code runDir} rendered its report with; empty when the folder holds
   * no resolved config (a results table from elsewhere).
   *
   * @throws InputException naming the file when the resolved config or {@code patients.csv}
   *     is malformed
   */
  public static Optional<ReportOptions> ofRun(Path runDir) {
    Path file = runDir.resolve(StudyOutputs.RESOLVED_CONFIG);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Path patients = runDir.resolve(PatientsTable.FILE_NAME);
    ResamplingUnits units;
    try {
      units = Files.isRegularFile(patients) ? PatientsTable.read(patients)
          : ResamplingUnits.VIDEOS;
    } catch (InputException e) {
      throw new InputException(e.getMessage(), e);
    }
    return Optional.of(of(StudyConfig.read(file), units));
  }
}
