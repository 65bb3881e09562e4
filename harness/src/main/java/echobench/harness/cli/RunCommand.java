package echobench.harness.cli;

import echobench.harness.study.ShardPlan;
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
 * {@code echobench run CONFIG}: the whole robustness study of a config file — pretrain or load each
 * encoder, probe it on clean data, evaluate every perturbation and dataset, write the tables and
 * the report — then print the summary table.
 */
@Command(
    name = "run",
    sortOptions = false,
    description = {
      "Run a robustness study: models, probes, perturbation grid, tables and report.",
      "Writes results.csv, predictions.csv, summary.csv, report.md, report.html, figures/,"
          + " config.resolved.yaml and run.json into the run folder."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The study's YAML file.")
  Path config;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run folder (default: runs/<config file name without .yaml>).")
  Path out;

  @Option(names = "--device", paramLabel = "cpu|gpu[:K]",
      description = "Compute device (default: the config's, else a GPU when present).")
  String device;

  @Option(names = "--resume",
      description = "Reuse the finished work (pretrained encoders, probes, predictions) cached in"
          + " the run folder by an earlier, interrupted run.")
  boolean resume;

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Do only shard I of N (from 0) of the work, into the run folder's cache, which"
          + " the N shards share; then `echobench merge DIR` writes the tables (docs/cluster.md).")
  String shard;

  @Mixin ZooOption zoo;

  @Override
  public Integer call() {
    Path folder = out != null ? out : Path.of("runs", stem(config));
    ShardPlan plan = shard == null ? ShardPlan.WHOLE : ShardPlan.parse(shard);
    StudyRun.Outcome outcome = StudyRun.execute(config,
        new StudyRun.Options(folder, device, resume, System.console() != null,
            zoo.zoo(), plan));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(outcome.summary());
    stdout.flush();
    return 0;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
