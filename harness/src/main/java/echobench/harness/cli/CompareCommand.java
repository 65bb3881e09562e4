package echobench.harness.cli;

import echobench.reports.io.InputException;
import echobench.reports.render.PlainTextRenderer;
import echobench.reports.render.SummaryTables;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.Summary;
import java.io.PrintWriter;
import java.nio.file.Files;
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
    Map<Path, Path> given = new LinkedHashMap<>();
    for (Path run : runs) {
      if (given.put(run.toAbsolutePath().normalize(), run) != null) {
        throw new InputException(run + ": given twice");
      }
    }
    Map<String, List<SummaryRow>> summaries = new LinkedHashMap<>();
    for (Path run : runs) {
      String label = label(run);
      boolean shared = runs.stream().filter(r -> r != run).anyMatch(r -> label(r).equals(label));
      String column = shared ? run.toString() : label;
      summaries.put(column, Summary.of(ResultsTable.rows(ReportInputs.results(run))));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(PlainTextRenderer.render(SummaryTables.sideBySide(summaries)));
    stdout.flush();
    return 0;
  }

  /**
   * A run directory's name; the folder name of a {@code results.csv}; any other results file's
   * name without {@code .csv}, so two tables of one folder get two columns. Runs whose labels
   * coincide are labelled by the paths given.
   */
  private static String label(Path run) {
    Path file = run.toAbsolutePath().normalize();
    Path folder = Files.isDirectory(file) ? file
        : file.getFileName() != null && file.getFileName().toString().equals(ResultsTable.FILE_NAME)
            ? file.getParent() : null;
    if (folder == null) {
      String name = file.getFileName().toString();
      return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
    Path name = folder.getFileName();
    return name == null ? run.toString() : name.toString();
  }
}
