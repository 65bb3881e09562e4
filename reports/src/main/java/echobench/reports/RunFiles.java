package echobench.reports;

import echobench.reports.results.PredictionsTable;
import echobench.reports.results.ResultsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tables of a run live: a run directory holds {@code results.csv} and, when the run
 * kept them, {@code predictions.csv}; a command may also be given a results file directly.
 */
public final class RunFiles {
  private RunFiles() {}

  /** {@code results.csv} of a run directory, or {@code runOrResults} itself when it is a file. */
  public static Path results(Path runOrResults) {
    return Files.isDirectory(runOrResults)
        ? runOrResults.resolve(ResultsTable.FILE_NAME)
        : runOrResults;
  }

  /** {@code predictions.csv} beside a run's results, if there is one. */
  public static Optional<Path> predictions(Path runOrResults) {
    Path dir = Files.isDirectory(runOrResults)
        ? runOrResults
        : runOrResults.toAbsolutePath().getParent();
    Path file = dir.resolve(PredictionsTable.FILE_NAME);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** The folder a run's outputs go to: the run directory, or the folder of a results file. */
  public static Path folder(Path runOrResults) {
    return Files.isDirectory(runOrResults)
        ? runOrResults
        : runOrResults.toAbsolutePath().getParent();
  }
}
