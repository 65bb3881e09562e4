package echobench.harness.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import echobench.reports.Evaluation;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import echobench.reports.render.Cells;
import echobench.reports.render.PlainTextRenderer;
import echobench.reports.render.ReportFiles;
import echobench.reports.render.TextTable;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.Summary;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Writes a run folder (DESIGN §7): {@code predictions.csv}, {@code results.csv} (metrics with
 * paired-bootstrap intervals), {@code summary.csv}, {@code report.md}, {@code report.html},
 * {@code figures/}, {@code config.resolved.yaml} and, last, {@code run.json}. Each file goes to a
 * temporary name first and is moved into place, so an interrupted run never leaves a half-written
 * table.
 */
final class StudyOutputs {
  /** The resolved config's file name. */
  static final String RESOLVED_CONFIG = "config.resolved.yaml";
  /** The run description's file name. */
  static final String RUN_JSON = "run.json";

  private final Path out;
  private final StudyConfig config;

  StudyOutputs(Path out, StudyConfig config) {
    this.out = out;
    this.config = config;
  }

  /** Computes the results of {@code predictions} and writes every table and the report. */
  List<Result> write(List<Prediction> predictions, List<Metric> metrics, String resolvedConfig) {
    List<Result> results = Evaluation.results(predictions, config.task(), metrics,
        config.bootstrap().settings(config.seed()));
    Table predictionTable = PredictionsTable.toTable(predictions);
    Table resultTable = ResultsTable.toTable(results);
    try {
      PredictionsTable.write(predictionTable, out.resolve(PredictionsTable.FILE_NAME));
      ResultsTable.write(resultTable, out.resolve(ResultsTable.FILE_NAME));
      ReportFiles.write(out, resultTable, Optional.of(predictionTable),
          RecordedReportOptions.of(config));
      AtomicFiles.writeString(out.resolve(RESOLVED_CONFIG), resolvedConfig);
    } catch (UncheckedIOException e) {
      throw cannotWrite(e);
    }
    return results;
  }

  /**
   * A write that failed for a reason of the machine the user runs on (disk full, no permission, a
   * folder in the way): bad input, naming the file, not an internal error.
   */
  private static InputException cannotWrite(UncheckedIOException e) {
    return new InputException(e.getMessage().replaceAll("\\s*\\R\\s*", " "), e);
  }

  /** Writes {@code run.json}, the last file of a finished run. */
  void writeManifest(RunManifest manifest) {
    try {
      AtomicFiles.writeString(out.resolve(RUN_JSON),
          StudyRun.json().writeValueAsString(manifest));
    } catch (UncheckedIOException e) {
      throw cannotWrite(e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write run.json", e);
    }
  }

  /** The headline table for the terminal: each model's first metric, clean and degradations. */
  String summaryText(List<Result> results) {
    Metric headline = results.get(0).metric();
    List<List<String>> rows = new ArrayList<>();
    for (SummaryRow row : Summary.of(results)) {
      if (row.metric() == headline) {
        rows.add(List.of(row.model(), row.dataset(), Cells.value(headline, row.clean()),
            percentOrMissing(row.avgDegradation()), percentOrMissing(row.worstDegradation()),
            row.worstCondition()));
      }
    }
    return PlainTextRenderer.render(new TextTable(config.name() + ": " + headline.id(),
        List.of("model", "dataset", "clean", "avg deg", "worst deg", "worst condition"), rows,
        List.of("results: " + out.resolve(ResultsTable.FILE_NAME))));
  }

  private static String percentOrMissing(double fraction) {
    return Double.isNaN(fraction) ? Cells.MISSING : Cells.signedPercent(fraction);
  }
}
