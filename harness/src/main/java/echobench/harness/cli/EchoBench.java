package echobench.harness.cli;

import echobench.harness.IntegrityException;
import echobench.reports.io.InputException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code echobench} command: one subcommand per step of a robustness study.
 *
 * <p>Exit status 0 on success, 1 when a gate fails, 2 for bad input (one line on stderr naming the
 * problem; {@code --debug} adds the stack trace). Every command and subcommand inherits
 * {@code -h/--help} and {@code -V/--version}.
 */
@Command(
    name = "echobench",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    version = "EchoBench 0.1.0",
    description = "Robustness benchmark for echocardiography video encoders.",
    subcommands = {CommandLine.HelpCommand.class, PerturbCommand.class, BenchCommand.class,
      SynthCommand.class, ReportCommand.class, CompareCommand.class, GateCommand.class,
      PretrainCommand.class, RunCommand.class, MergeCommand.class,
      FeaturesCommand.class, CalibrateCommand.class})
public final class EchoBench {
  /** Exit status for bad input. */
  public static final int EXIT_BAD_INPUT = 2;

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces for errors.")
  boolean debug;

  /** Runs the command line and returns the exit status (no {@code System.exit}). */
  public static int execute(String... args) {
    EchoBench root = new EchoBench();
    CommandLine cli = new CommandLine(root);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean debug = parseResult.hasMatchedOption("--debug")
              || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
          if (debug) {
            ex.printStackTrace(commandLine.getErr());
          }
          if (ex instanceof InputException) {
            commandLine.getErr().println("echobench: " + ex.getMessage());
            return EXIT_BAD_INPUT;
          }
          if (ex instanceof IntegrityException) {
            commandLine.getErr().println("echobench: run integrity violated: " + ex.getMessage());
            return 3;
          }
          if (!debug) {
            commandLine.getErr().println("echobench: internal error: " + ex);
            commandLine.getErr().println("echobench: rerun with --debug for the stack trace");
          }
          return 3;
        });
    cli.setParameterExceptionHandler(
        (ex, args2) -> {
          ex.getCommandLine().getErr().println("echobench: " + firstProblem(ex));
          return EXIT_BAD_INPUT;
        });
    return cli.execute(args);
  }

  /**
   * The problem to name: an unknown option rather than the required arguments missing beside it
   * ({@code run --hepl} is a typo, not a missing CONFIG).
   */
  private static String firstProblem(CommandLine.ParameterException ex) {
    CommandLine.ParseResult parsed = ex.getCommandLine().getParseResult();
    if (ex instanceof CommandLine.MissingParameterException && parsed != null) {
      List<String> unknown = parsed.unmatched().stream().filter(a -> a.startsWith("-")).toList();
      if (!unknown.isEmpty()) {
        return "Unknown option" + (unknown.size() > 1 ? "s" : "") + ": '"
            + String.join("', '", unknown) + "'";
      }
    }
    return ex.getMessage();
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
