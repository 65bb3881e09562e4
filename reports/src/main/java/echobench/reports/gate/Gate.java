package echobench.reports.gate;

import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.io.Numbers;
import echobench.reports.results.Result;
import echobench.reports.results.ResultIndex;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.Summary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The CI gate (DESIGN §7): compares one model of a candidate results table with one model of a
 * baseline table, rule by rule and dataset by dataset. A rule fails on a dataset when the
 * candidate worsens beyond the rule's allowance, when the candidate lacks the value, or when the
 * value is undefined; a rule that matches no dataset of the baseline fails too, since it checks
 * nothing.
 */
public final class Gate {
  /** Slack for decimal arithmetic: 4.85 − 4.60 may exceed 0.25 by a rounding error. */
  private static final double TOLERANCE = 1e-9;

  private final ResultIndex baseline;
  private final ResultIndex candidate;
  private final String baselineModel;
  private final String candidateModel;

  private Gate(ResultIndex baseline, ResultIndex candidate, String baselineModel,
      String candidateModel) {
    this.baseline = baseline;
    this.candidate = candidate;
    this.baselineModel = baselineModel;
    this.candidateModel = candidateModel;
  }

  /**
   * Evaluates {@code rules}.
   *
   * @param baselineModel the model to read from the baseline; empty when the table holds one
   *     model besides the predict-the-training-mean baseline
   * @param candidateModel the same for the candidate
   * @throws IllegalArgumentException when a named model is absent, or none is named and the
   *     table holds several
   */
  public static GateResult evaluate(Table baselineResults, Table candidateResults,
      List<GateRule> rules, Optional<String> baselineModel, Optional<String> candidateModel) {
    ResultIndex base = new ResultIndex(ResultsTable.rows(baselineResults));
    ResultIndex cand = new ResultIndex(ResultsTable.rows(candidateResults));
    Gate gate = new Gate(base, cand, model(base, baselineModel, "baseline"),
        model(cand, candidateModel, "candidate"));
    List<GateVerdict> verdicts = new ArrayList<>();
    for (GateRule rule : rules) {
      verdicts.addAll(gate.verdicts(rule));
    }
    return new GateResult(gate.baselineModel, gate.candidateModel, verdicts);
  }

  private List<GateVerdict> verdicts(GateRule rule) {
    Set<List<String>> targets = new LinkedHashSet<>();
    for (Result r : baseline.results()) {
      if (r.model().equals(baselineModel) && r.metric() == rule.metric()
          && rule.matchesDataset(r.dataset())
          && rule.task().map(t -> t.equals(r.task())).orElse(true)) {
        targets.add(List.of(r.dataset(), r.task()));
      }
    }
    if (targets.isEmpty()) {
      return List.of(new GateVerdict(rule, rule.datasetGlob(), rule.task().orElse(""),
          Double.NaN, Double.NaN, Double.NaN, false,
          "no dataset of the baseline (" + baselineModel + ") matches '" + rule.datasetGlob()
              + "' with metric " + rule.metric()));
    }
    List<GateVerdict> verdicts = new ArrayList<>();
    for (List<String> target : targets) {
      verdicts.add(verdict(rule, target.get(0), target.get(1)));
    }
    return verdicts;
  }

  private GateVerdict verdict(GateRule rule, String dataset, String task) {
    double b = quantity(baseline, baselineModel, rule, dataset, task);
    double c = quantity(candidate, candidateModel, rule, dataset, task);
    double worsening = rule.worsening(b, c);
    String detail;
    if (Double.isNaN(c) && candidate.find(candidateModel, dataset, task, rule.metric(),
        Condition.CLEAN).isEmpty()) {
      detail = "the candidate (" + candidateModel + ") has no " + rule.metric() + " on "
          + dataset;
    } else if (Double.isNaN(worsening)) {
      detail = "the " + describe(rule) + " is undefined (baseline " + b + ", candidate " + c
          + ")";
    } else if (worsening > rule.maxWorsening() + TOLERANCE) {
      detail = String.format(Locale.ROOT, "worsened by %.4g, more than the allowed %s",
          worsening, Numbers.plain(rule.maxWorsening()));
    } else {
      detail = "";
    }
    return new GateVerdict(rule, dataset, task, b, c, worsening, detail.isEmpty(), detail);
  }

  private static double quantity(
      ResultIndex index, String model, GateRule rule, String dataset, String task) {
    return switch (rule.check()) {
      case CLEAN -> index.value(model, dataset, task, rule.metric(), Condition.CLEAN);
      case CONDITION -> index.value(model, dataset, task, rule.metric(),
          rule.condition().orElseThrow());
      case AVG_DEGRADATION, WORST_DEGRADATION -> summary(index, model, dataset, task, rule)
          .map(s -> rule.check() == GateCheck.AVG_DEGRADATION
              ? s.avgDegradation() : s.worstDegradation())
          .orElse(Double.NaN);
    };
  }

  private static Optional<SummaryRow> summary(
      ResultIndex index, String model, String dataset, String task, GateRule rule) {
    List<Result> group = index.results().stream()
        .filter(r -> r.model().equals(model) && r.dataset().equals(dataset)
            && r.task().equals(task) && r.metric() == rule.metric())
        .toList();
    return group.isEmpty() ? Optional.empty() : Optional.of(Summary.of(group).get(0));
  }

  private static String describe(GateRule rule) {
    return rule.check() == GateCheck.CONDITION
        ? rule.metric() + " at " + rule.condition().orElseThrow().label()
        : rule.check() + " of " + rule.metric();
  }

  private static String model(ResultIndex index, Optional<String> named, String role) {
    List<String> models = index.models();
    if (named.isPresent()) {
      if (!models.contains(named.get())) {
        throw new IllegalArgumentException("the " + role + " results have no model '"
            + named.get() + "' (models: " + String.join(", ", models) + ")");
      }
      return named.get();
    }
    List<String> candidates = models.stream().filter(m -> !ModelNames.isBaseline(m)).toList();
    if (candidates.size() != 1) {
      throw new IllegalArgumentException("the " + role + " results hold "
          + (candidates.isEmpty() ? "no model" : "several models (" + String.join(", ",
              candidates) + ")") + ": name one with --" + role + "-model");
    }
    return candidates.get(0);
  }
}
