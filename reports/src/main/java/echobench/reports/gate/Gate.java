package echobench.reports.gate;

import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.io.Numbers;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.Result;
import echobench.reports.results.ResultIndex;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.Summary;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The CI gate (DESIGN §7): compares the models of a candidate results table with those of a
 * baseline table, rule by rule and dataset by dataset. Without named models it compares every
 * model the two runs share (the training-mean baseline aside), or the one model of each when they
 * share none.
 *
 * <p>A rule fails on a dataset when the candidate worsens beyond the rule's allowance (by the
 * point worsening, or an end of its paired-bootstrap interval when the rule asks), when the
 * candidate lacks a value the baseline has, or, with {@code require_defined}, when the value is
 * undefined; otherwise an undefined value (an AUROC on one class) is not comparable. A rule that
 * matches no dataset of the baseline fails, since it checks nothing.
 */
public final class Gate {
  /** Slack for decimal arithmetic: 4.85 − 4.60 may exceed 0.25 by a rounding error. */
  private static final double TOLERANCE = 1e-9;

  private final ResultIndex baseline;
  private final ResultIndex candidate;
  private final Optional<WorseningBootstrap> intervals;

  private Gate(ResultIndex baseline, ResultIndex candidate,
      Optional<WorseningBootstrap> intervals) {
    this.baseline = baseline;
    this.candidate = candidate;
    this.intervals = intervals;
  }

  /** Evaluates {@code rules} on results alone: only point rules can be checked. */
  public static GateResult evaluate(Table baselineResults, Table candidateResults,
      List<GateRule> rules, Optional<String> baselineModel, Optional<String> candidateModel) {
    return evaluate(baselineResults, Optional.empty(), candidateResults, Optional.empty(), rules,
        baselineModel, candidateModel, BootstrapSettings.withSeed(0));
  }

  /**
   * Evaluates {@code rules}; with both runs' predictions every worsening gets its paired-bootstrap
   * interval.
   *
   * @param baselineModel the model to read from the baseline; empty to pair the models as the
   *     class comment says
   * @param candidateModel the same for the candidate
   * @throws IllegalArgumentException when a named model is absent, the models cannot be paired,
   *     or a rule needs intervals and a run has no predictions
   */
  public static GateResult evaluate(Table baselineResults, Optional<Table> baselinePredictions,
      Table candidateResults, Optional<Table> candidatePredictions, List<GateRule> rules,
      Optional<String> baselineModel, Optional<String> candidateModel,
      BootstrapSettings bootstrap) {
    ResultIndex base = new ResultIndex(ResultsTable.rows(baselineResults));
    ResultIndex cand = new ResultIndex(ResultsTable.rows(candidateResults));
    Optional<WorseningBootstrap> intervals = Optional.empty();
    if (baselinePredictions.isPresent() && candidatePredictions.isPresent()) {
      intervals = Optional.of(new WorseningBootstrap(
          new PredictionIndex(PredictionsTable.rows(baselinePredictions.get())),
          new PredictionIndex(PredictionsTable.rows(candidatePredictions.get())), base, cand,
          bootstrap));
    } else {
      rules.stream().filter(r -> r.statistic().needsInterval()).findFirst().ifPresent(r -> {
        throw new IllegalArgumentException("rule '" + r.name() + "' (statistic "
            + r.statistic() + ") needs the per-video predictions.csv of both runs");
      });
    }
    Gate gate = new Gate(base, cand, intervals);
    List<GateVerdict> verdicts = new ArrayList<>();
    for (List<String> pair : pairs(base, cand, baselineModel, candidateModel)) {
      for (GateRule rule : rules) {
        verdicts.addAll(gate.verdicts(rule, pair.get(0), pair.get(1)));
      }
    }
    return new GateResult(verdicts);
  }

  private List<GateVerdict> verdicts(GateRule rule, String baselineModel, String candidateModel) {
    Set<List<String>> targets = new LinkedHashSet<>();
    for (Result r : baseline.results()) {
      if (r.model().equals(baselineModel) && r.metric() == rule.metric()
          && rule.matchesDataset(r.dataset())
          && rule.task().map(t -> t.equals(r.task())).orElse(true)) {
        targets.add(List.of(r.dataset(), r.task()));
      }
    }
    if (targets.isEmpty()) {
      return List.of(new GateVerdict(rule, baselineModel, candidateModel, rule.datasetGlob(),
          rule.task().orElse(""), Double.NaN, Double.NaN, undefined(Double.NaN),
          GateVerdict.Outcome.FAIL,
          "no dataset of the baseline (" + baselineModel + ") matches '" + rule.datasetGlob()
              + "' with metric " + rule.metric()));
    }
    List<GateVerdict> verdicts = new ArrayList<>();
    for (List<String> target : targets) {
      verdicts.add(verdict(rule, baselineModel, candidateModel, target.get(0), target.get(1)));
    }
    return verdicts;
  }

  private GateVerdict verdict(GateRule rule, String baselineModel, String candidateModel,
      String dataset, String task) {
    double b = quantity(baseline, baselineModel, rule, dataset, task);
    double c = quantity(candidate, candidateModel, rule, dataset, task);
    double point = rule.worsening(b, c);
    ConfidenceInterval worsening = intervals
        .flatMap(i -> i.interval(rule, baselineModel, candidateModel, dataset, task))
        .map(i -> new ConfidenceInterval(point, i.low(), i.high()))
        .orElse(undefined(point));
    Condition checked = rule.condition().orElse(Condition.CLEAN);
    GateVerdict.Outcome outcome;
    String detail;
    if (candidate.find(candidateModel, dataset, task, rule.metric(), checked).isEmpty()
        && baseline.find(baselineModel, dataset, task, rule.metric(), checked).isPresent()) {
      outcome = GateVerdict.Outcome.FAIL;
      detail = "the candidate (" + candidateModel + ") has no " + rule.metric() + " on "
          + dataset + (checked.isClean() ? "" : " at " + checked.label());
    } else {
      double tested = switch (rule.statistic()) {
        case POINT -> point;
        case CI_LOWER -> worsening.low();
        case CI_UPPER -> worsening.high();
      };
      if (Double.isNaN(tested)) {
        outcome = rule.requireDefined()
            ? GateVerdict.Outcome.FAIL : GateVerdict.Outcome.NOT_COMPARABLE;
        detail = undefinedDetail(rule, b, c, point);
      } else if (tested > rule.maxWorsening() + TOLERANCE) {
        outcome = GateVerdict.Outcome.FAIL;
        detail = String.format(Locale.ROOT, "%s %.4g%s, more than the allowed %s",
            rule.statistic() == GateStatistic.CI_UPPER ? "may worsen by up to" : "worsened by",
            tested, suffix(rule.statistic()), Numbers.plain(rule.maxWorsening()));
      } else {
        outcome = GateVerdict.Outcome.PASS;
        detail = "";
      }
    }
    return new GateVerdict(rule, baselineModel, candidateModel, dataset, task, b, c, worsening,
        outcome, detail);
  }

  private static String undefinedDetail(GateRule rule, double b, double c, double point) {
    if (Double.isNaN(point)) {
      return "the " + describe(rule) + " is undefined (baseline " + b + ", candidate " + c + ")";
    }
    return "the " + rule.statistic() + " of the " + describe(rule)
        + " is undefined (the runs' predictions do not pair the same videos and conditions)";
  }

  private static String suffix(GateStatistic statistic) {
    return switch (statistic) {
      case POINT -> "";
      case CI_LOWER -> " (the lower end of its interval)";
      case CI_UPPER -> " (the upper end of its interval)";
    };
  }

  private static ConfidenceInterval undefined(double point) {
    return new ConfidenceInterval(point, Double.NaN, Double.NaN);
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
    return switch (rule.check()) {
      case CONDITION -> rule.metric() + " at " + rule.condition().orElseThrow().label();
      case CLEAN -> "clean " + rule.metric();
      case AVG_DEGRADATION, WORST_DEGRADATION -> rule.check() + " of " + rule.metric();
    };
  }

  /**
   * The (baseline, candidate) model pairs: the named ones; a named model against the same name
   * or the one model of the other run; else every model both runs hold, else the one model of
   * each.
   */
  private static List<List<String>> pairs(ResultIndex base, ResultIndex cand,
      Optional<String> baselineModel, Optional<String> candidateModel) {
    baselineModel.ifPresent(m -> requireModel(base, m, "baseline"));
    candidateModel.ifPresent(m -> requireModel(cand, m, "candidate"));
    if (baselineModel.isPresent() || candidateModel.isPresent()) {
      String b = baselineModel.orElseGet(() -> counterpart(base, candidateModel.get(),
          "baseline"));
      String c = candidateModel.orElseGet(() -> counterpart(cand, baselineModel.get(),
          "candidate"));
      return List.of(List.of(b, c));
    }
    List<String> candidateModels = models(cand);
    List<List<String>> shared = models(base).stream().filter(candidateModels::contains)
        .map(m -> List.of(m, m)).toList();
    if (!shared.isEmpty()) {
      return shared;
    }
    return List.of(List.of(single(base, "baseline"), single(cand, "candidate")));
  }

  private static String counterpart(ResultIndex index, String named, String role) {
    return index.models().contains(named) ? named : single(index, role);
  }

  private static String single(ResultIndex index, String role) {
    List<String> models = models(index);
    if (models.size() != 1) {
      throw new IllegalArgumentException("the runs share no model and the " + role
          + " results hold " + (models.isEmpty() ? "no model" : "several models ("
              + String.join(", ", models) + ")") + ": name one with --" + role + "-model");
    }
    return models.get(0);
  }

  private static void requireModel(ResultIndex index, String model, String role) {
    if (!index.models().contains(model)) {
      throw new IllegalArgumentException("the " + role + " results have no model '" + model
          + "' (models: " + String.join(", ", index.models()) + ")");
    }
  }

  private static List<String> models(ResultIndex index) {
    return index.models().stream().filter(m -> !ModelNames.isBaseline(m)).toList();
  }
}
