package echobench.harness.cli;

import echobench.harness.study.RecordedReportOptions;
import echobench.reports.io.InputException;
import echobench.reports.render.PlainTextRenderer;
import echobench.reports.render.Report;
import echobench.reports.render.ReportFiles;
import echobench.reports.render.ReportOptions;
import echobench.reports.render.SummaryTables;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryTable;
import echobench.reports.robustness.Summary;
import echobench.reports.stats.BootstrapSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code echobench report}: renders a run's report again from its tables (with the title and
 * bootstrap of the run's resolved config, so an unchanged run gets identical files), or summarises
 * a results table alone (one typed in from a paper, for example).
 */
@Command(
    name = "report",
    sortOptions = false,
    description = {
      "Render summary.csv, report.md, report.html and figures/ from a results table.",
      "  echobench report RUN_DIR                       re-render a run (uses predictions.csv"
          + " when present)",
      "  echobench report --results results.csv --out DIR   summarise a table alone"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR",
      description = "A run directory holding results.csv (and predictions.csv).")
  Path runDir;

  @Option(names = "--results", paramLabel = "FILE",
      description = "A results.csv to summarise instead of a run directory.")
  Path results;

  @Option(names = "--predictions", paramLabel = "FILE",
      description = "Per-video predictions for the paired model tests"
          + " (default: RUN_DIR/predictions.csv when present).")
  Path predictions;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: RUN_DIR; required with --results).")
  Path out;

  @Option(names = "--reference-model", paramLabel = "MODEL",
      description = "Model that relative robustness and paired tests compare against"
          + " (default: the first model of the table that is not the baseline).")
  String referenceModel;

  @Option(names = "--title", paramLabel = "TEXT",
      description = "Report title (default: the run's study name, else \""
          + ReportOptions.DEFAULT_TITLE + "\").")
  String title;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the paired bootstrap (default: the run's seed, else 0).")
  Long seed;

  @Option(names = "--resamples", paramLabel = "N",
      description = "Bootstrap resamples (default: the run's, else "
          + BootstrapSettings.DEFAULT_RESAMPLES + ").")
  Integer resamples;

  @Override
  public Integer call() {
    if ((runDir == null) == (results == null)) {
      throw new InputException("give either RUN_DIR or --results FILE");
    }
    if (results != null && out == null) {
      throw new InputException("--results needs --out DIR for the report");
    }
    Path source = runDir != null ? runDir : results;
    Path folder = out != null ? out : runDir;
    Table table = ReportInputs.results(source);
    Optional<Table> perVideo = predictions != null
        ? Optional.of(ReportInputs.predictions(predictions))
        : runDir != null ? ReportInputs.predictionsBeside(runDir) : Optional.empty();
    ReportOptions recorded = (runDir != null ? RecordedReportOptions.ofRun(runDir)
        : Optional.<ReportOptions>empty()).orElse(new ReportOptions(ReportOptions.DEFAULT_TITLE,
            Optional.empty(), BootstrapSettings.withSeed(0)));
    BootstrapSettings bootstrap = recorded.bootstrap();
    ReportOptions options = ReportInputs.checked(() -> new ReportOptions(
        title != null ? title : recorded.title(),
        referenceModel != null ? Optional.of(referenceModel) : recorded.referenceModel(),
        new BootstrapSettings(resamples != null ? resamples : bootstrap.resamples(),
            seed != null ? seed : bootstrap.seed(), bootstrap.level())));
    Report report = ReportInputs.checked(
        () -> ReportFiles.write(folder, table, perVideo, options));

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(PlainTextRenderer.render(
        SummaryTables.of(Summary.of(ResultsTable.rows(table)))));
    stdout.printf("wrote %s, %s, %s and %d figures to %s%n", ReportFiles.MARKDOWN,
        ReportFiles.HTML, SummaryTable.FILE_NAME,
        report.figures().size(), folder);
    stdout.flush();
    return 0;
  }
}
