package echobench.harness.cli;

import echobench.reports.RunFiles;
import echobench.reports.gate.Gate;
import echobench.reports.gate.GateJunitXml;
import echobench.reports.gate.GateMarkdown;
import echobench.reports.gate.GateResult;
import echobench.reports.gate.GateRule;
import echobench.reports.gate.GateVerdict;
import echobench.reports.io.AtomicFiles;
import echobench.reports.render.PlainTextRenderer;
import echobench.reports.stats.BootstrapSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code echobench gate}: checks a candidate run against a baseline run with the rules of a YAML
 * file (DESIGN §7), prints every rule with pass, fail or not comparable, and writes
 * {@code gate.md} and {@code gate-junit.xml}. Every model both runs hold is compared unless models
 * are named; worsenings get paired-bootstrap intervals from the runs' {@code predictions.csv}.
 * Exit status 0 when no rule fails, 1 when one fails, 2 for bad input.
 */
@Command(
    name = "gate",
    sortOptions = false,
    description = {
      "Fail (exit 1) when a candidate run is worse than a baseline run beyond the rules.",
      "Writes gate.md and gate-junit.xml (one test case per rule and dataset)."
    })
final class GateCommand implements Callable<Integer> {
  /** Exit status when a rule fails. */
  static final int EXIT_GATE_FAILED = 1;

  @Spec CommandSpec spec;

  @Option(names = "--baseline", required = true, paramLabel = "RUN",
      description = "Baseline run directory or results.csv.")
  Path baseline;

  @Option(names = "--candidate", required = true, paramLabel = "RUN",
      description = "Candidate run directory or results.csv.")
  Path candidate;

  @Option(names = "--rules", required = true, paramLabel = "RULES.yaml",
      description = "Gate rules (see configs/gates/default.yaml).")
  Path rulesFile;

  @Option(names = "--baseline-model", paramLabel = "MODEL",
      description = "Model of the baseline to compare (default: every model both runs hold).")
  String baselineModel;

  @Option(names = "--candidate-model", paramLabel = "MODEL",
      description = "Model of the candidate to compare (default: the baseline model's name, or"
          + " the candidate's one model).")
  String candidateModel;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the paired bootstrap of the worsening (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for gate.md and gate-junit.xml (default: the candidate's folder).")
  Path out;

  @Override
  public Integer call() {
    List<GateRule> rules = ReportInputs.rules(rulesFile);
    Table baselineResults = ReportInputs.results(baseline);
    Table candidateResults = ReportInputs.results(candidate);
    Optional<Table> baselinePredictions = ReportInputs.predictionsBeside(baseline);
    Optional<Table> candidatePredictions = ReportInputs.predictionsBeside(candidate);
    GateResult result = ReportInputs.checked(() -> Gate.evaluate(baselineResults,
        baselinePredictions, candidateResults, candidatePredictions, rules,
        Optional.ofNullable(baselineModel), Optional.ofNullable(candidateModel),
        new BootstrapSettings(resamples, seed, BootstrapSettings.DEFAULT_LEVEL)));

    Path folder = out != null ? out : RunFiles.folder(candidate);
    ReportInputs.checked(() -> {
      AtomicFiles.writeString(folder.resolve(GateMarkdown.FILE_NAME),
          GateMarkdown.render(result, baseline.toString(), candidate.toString()));
      AtomicFiles.writeString(folder.resolve(GateJunitXml.FILE_NAME),
          GateJunitXml.render(result));
      return folder;
    });

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("gate: %s against %s: %s%n", candidate, baseline,
        String.join(", ", result.comparisons()));
    stdout.print(PlainTextRenderer.render(GateMarkdown.table(result)));
    long checks = result.verdicts().size();
    long notComparable = result.count(GateVerdict.Outcome.NOT_COMPARABLE);
    String skipped = notComparable == 0 ? "" : " (" + notComparable + " not comparable)";
    stdout.println(result.passed()
        ? "gate passed: " + (checks - notComparable) + " of " + checks + " checks" + skipped
        : "gate FAILED: " + result.failures() + " of " + checks + " checks failed" + skipped);
    stdout.flush();
    return result.passed() ? 0 : EXIT_GATE_FAILED;
  }
}
