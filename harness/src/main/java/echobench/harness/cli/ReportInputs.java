package echobench.harness.cli;

import echobench.reports.RunFiles;
import echobench.reports.gate.GateRule;
import echobench.reports.gate.GateRules;
import echobench.reports.io.InputException;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.ResultsTable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tech.tablesaw.api.Table;

/**
 * The files the report, compare and gate commands read and write, with every problem turned
 * into a {@link InputException} (one line, exit status 2).
 */
final class ReportInputs {
  private ReportInputs() {}

  /** The results of a run directory or a results file. */
  static Table results(Path runOrResults) {
    if (!Files.exists(runOrResults)) {
      throw new InputException(runOrResults + ": no such run directory or results file");
    }
    return checked(() -> ResultsTable.read(RunFiles.results(runOrResults)));
  }

  /** The predictions beside a run's results, if the run kept them. */
  static Optional<Table> predictionsBeside(Path runOrResults) {
    return RunFiles.predictions(runOrResults).map(ReportInputs::predictions);
  }

  /** A predictions file. */
  static Table predictions(Path file) {
    return checked(() -> PredictionsTable.read(file));
  }

  /** A gate rules file. */
  static List<GateRule> rules(Path file) {
    return checked(() -> GateRules.read(file));
  }

  /**
   * Runs {@code step}; a malformed file, an argument the data cannot honour (an unknown model)
   * or an unwritable output becomes a {@link InputException}.
   */
  static <T> T checked(Supplier<T> step) {
    try {
      return step.get();
    } catch (InputException | UncheckedIOException | IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
  }
}
