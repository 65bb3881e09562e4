package echobench.harness.cli;

import echobench.harness.study.StudyRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code echobench merge DIR}: once every shard ({@code run --shard I/N}) of the run folder has
 * finished, writes its tables and report from the shards' cached work, byte-identical to a
 * one-process run of the same config; then prints the summary table.
 */
@Command(
    name = "merge",
    sortOptions = false,
    description = {
      "Write the tables and report of a run folder whose shards (run --shard I/N) have all"
          + " finished; refuses, naming the missing shards, until they have."
    })
final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The shards' run folder.")
  Path dir;

  @Option(names = "--device", paramLabel = "cpu|gpu[:K]",
      description = "Compute device for anything the shards left to do (default: the config's).")
  String device;

  @Mixin ZooOption zoo;

  @Override
  public Integer call() {
    StudyRun.Outcome outcome = StudyRun.merge(dir,
        new StudyRun.Options(dir, device, true, System.console() != null, zoo.zoo()));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(outcome.summary());
    stdout.flush();
    return 0;
  }
}
