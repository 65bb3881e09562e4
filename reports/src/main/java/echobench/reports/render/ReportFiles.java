package echobench.reports.render;

import echobench.reports.io.AtomicFiles;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.results.SummaryTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Writes the rendered outputs of a run into a folder: {@code summary.csv}, {@code figures/*.png},
 * {@code report.md} and the self-contained {@code report.html}, each atomically. The gallery
 * frames the study left in {@code figures/} ({@link GalleryFrames}) are embedded as found.
 */
public final class ReportFiles {
  /** The Markdown report's file name. */
  public static final String MARKDOWN = "report.md";

  /** The HTML report's file name. */
  public static final String HTML = "report.html";

  private ReportFiles() {}

  /**
   * Summarises and renders {@code results} (with {@code predictions} for the paired tests) into
   * {@code dir}.
   *
   * @return the report that was written
   */
  public static Report write(
      Path dir, Table results, Optional<Table> predictions, ReportOptions options) {
    List<Result> rows = ResultsTable.rows(results);
    Path figures = dir.resolve(MarkdownRenderer.FIGURE_DIR);
    List<Gallery.Tile> frames =
        GalleryFrames.read(figures, rows.stream().map(Result::condition).toList());
    Optional<PredictionIndex> perVideo =
        predictions.map(p -> new PredictionIndex(PredictionsTable.rows(p)));
    List<SummaryRow> summary = RobustnessSummary.of(rows, perVideo, options.bootstrap());
    Report report = ReportBuilder.build(rows, summary, perVideo, frames, options);
    SummaryTable.write(SummaryTable.toTable(summary), dir.resolve(SummaryTable.FILE_NAME));
    for (Figure f : report.figures()) {
      AtomicFiles.write(figures.resolve(f.fileName()), f.png());
    }
    AtomicFiles.writeString(dir.resolve(MARKDOWN), MarkdownRenderer.render(report));
    AtomicFiles.writeString(dir.resolve(HTML), HtmlRenderer.render(report));
    return report;
  }
}
