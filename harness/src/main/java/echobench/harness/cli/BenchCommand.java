package echobench.harness.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code echobench bench}: throughput figures, one subcommand per thing measured. */
@Command(
    name = "bench",
    description = "Measure throughput (single thread unless stated).",
    subcommands = {BenchPerturbCommand.class, BenchModelsCommand.class, BenchStudyCommand.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "bench needs what to measure: " + String.join(" | ", spec.subcommands().keySet()));
  }
}
