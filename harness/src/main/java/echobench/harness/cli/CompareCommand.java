package echobench.harness.cli;

import echobench.reports.io.InputException;
import echobench.reports.render.PlainTextRenderer;
import echobench.reports.render.SummaryTables;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code echobench compare}: the summaries of several runs side by side, each run's clean metric
 * and Avg. Deg. in its own pair of columns.
 */
@Command(
    name = "compare",
    description = "Print the summaries of several runs side by side (clean value and Avg. Deg.).")
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RUN_DIR",
      description = "Run directories (or results.csv files), in column order.")
  List<Path> runs;

  @Override
  public Integer call() {
    Map<String, List<SummaryRow>> summaries = new LinkedHashMap<>();
    for (Path run : runs) {
      List<SummaryRow> summary = Summary.of(ResultsTable.rows(ReportInputs.results(run)));
      if (summaries.put(label(run), summary) != null) {
        throw new InputException(run + ": given twice");
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(PlainTextRenderer.render(SummaryTables.sideBySide(summaries)));
    stdout.flush();
    return 0;
  }

  /** A run directory's name; a results file's folder name; the path itself when unnamed. */
  private static String label(Path run) {
    Path folder = run.toFile().isDirectory() ? run : run.toAbsolutePath().getParent();
    Path name = folder.normalize().getFileName();
    return name == null ? run.toString() : name.toString();
  }
}
