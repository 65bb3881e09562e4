package echobench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class GateTest {
  private static final Condition SHADOW = new Condition("shadow-gauss", 1);

  /** A model with the given clean MAE and MAE under one shadow, plus the train-mean baseline. */
  private static Table run(String model, double clean, double shadowed) {
    List<Result> rows = new ArrayList<>();
    rows.add(Result.of(model, "adult", "lvef", Condition.CLEAN, Metric.MAE, clean));
    rows.add(Result.of(model, "adult", "lvef", SHADOW, Metric.MAE, shadowed));
    rows.add(Result.of(model, "adult", "lvef", Condition.CLEAN, Metric.R2, 0.8));
    rows.add(Result.of(ModelNames.TRAIN_MEAN_BASELINE, "adult", "lvef", Condition.CLEAN,
        Metric.MAE, 9.0));
    return ResultsTable.toTable(rows);
  }

  private static GateRule rule(GateCheck check, double max) {
    return new GateRule("rule", Metric.MAE, "*", Optional.empty(), check,
        check == GateCheck.CONDITION ? Optional.of(SHADOW) : Optional.empty(), max);
  }

  @Test
  void aCandidateWithinTheRulePassesAndOneBeyondItFails() {
    Table baseline = run("a", 5.00, 5.50);
    GateRule clean = rule(GateCheck.CLEAN, 0.25);
    // 5.25 − 5.00 = 0.25: exactly the allowance passes, despite 5.25 − 5.0 rounding
    GateResult within = Gate.evaluate(baseline, run("b", 5.25, 5.50), List.of(clean),
        Optional.empty(), Optional.empty());
    GateResult beyond = Gate.evaluate(baseline, run("b", 5.30, 5.50), List.of(clean),
        Optional.empty(), Optional.empty());

    assertThat(within.passed()).isTrue();
    assertThat(within.verdicts()).singleElement().satisfies(v -> {
      assertThat(v.dataset()).isEqualTo("adult");
      assertThat(v.worsening().estimate()).isCloseTo(0.25, within(1e-12));
    });
    assertThat(beyond.passed()).isFalse();
    assertThat(beyond.verdicts().get(0).detail()).contains("more than the allowed 0.25");
    assertThat(beyond.verdicts().get(0).baselineModel()).isEqualTo("a");
    assertThat(beyond.verdicts().get(0).candidateModel()).isEqualTo("b");
  }

  @Test
  void degradationsAndConditionsAreCompared() {
    // baseline degradation 5.5/5 − 1 = 0.10; candidate 4.8/4 − 1 = 0.20: worsening 0.10
    Table baseline = run("a", 5.0, 5.5);
    Table candidate = run("b", 4.0, 4.8);
    GateResult avg = Gate.evaluate(baseline, candidate,
        List.of(rule(GateCheck.AVG_DEGRADATION, 0.05), rule(GateCheck.WORST_DEGRADATION, 0.15),
            rule(GateCheck.CONDITION, 0.0)),
        Optional.empty(), Optional.empty());
    assertThat(avg.verdicts()).extracting(GateVerdict::passed).containsExactly(false, true, true);
    assertThat(avg.verdicts().get(0).worsening().estimate()).isCloseTo(0.10, within(1e-12));
    // condition: 4.8 − 5.5 = −0.7 (better)
    assertThat(avg.verdicts().get(2).worsening().estimate()).isCloseTo(-0.7, within(1e-12));
  }

  @Test
  void scoresWorsenWhenTheyFall() {
    GateRule r2 = new GateRule("r2", Metric.R2, "*", Optional.of("lvef"), GateCheck.CLEAN,
        Optional.empty(), 0.01);
    List<Result> lower = new ArrayList<>(ResultsTable.rows(run("b", 5, 5)));
    lower.replaceAll(r -> r.metric() == Metric.R2
        ? Result.of("b", "adult", "lvef", Condition.CLEAN, Metric.R2, 0.75) : r);
    GateResult result = Gate.evaluate(run("a", 5, 5), ResultsTable.toTable(lower), List.of(r2),
        Optional.empty(), Optional.empty());
    assertThat(result.verdicts().get(0).worsening().estimate()).isCloseTo(0.05, within(1e-12));
    assertThat(result.passed()).isFalse();
  }

  @Test
  void aRuleThatMatchesNothingOrAMissingCandidateValueFails() {
    GateRule pediatric = new GateRule("pediatric", Metric.MAE, "ped*", Optional.empty(),
        GateCheck.CLEAN, Optional.empty(), 1.0);
    GateResult none = Gate.evaluate(run("a", 5, 5), run("b", 5, 5), List.of(pediatric),
        Optional.empty(), Optional.empty());
    assertThat(none.passed()).isFalse();
    assertThat(none.verdicts().get(0).detail()).contains("no dataset of the baseline");

    Table candidate = ResultsTable.toTable(List.of(
        Result.of("b", "other", "lvef", Condition.CLEAN, Metric.MAE, 1.0)));
    GateResult missing = Gate.evaluate(run("a", 5, 5), candidate,
        List.of(rule(GateCheck.CLEAN, 1.0)), Optional.empty(), Optional.empty());
    assertThat(missing.verdicts().get(0).detail()).contains("the candidate (b) has no mae");
  }

  @Test
  void modelsAreChosenByNameWhenATableHoldsSeveral() {
    Table both = ResultsTable.toTable(concat(run("a", 5, 5), run("c", 6, 6)));
    assertThatThrownBy(() -> Gate.evaluate(both, run("b", 5, 5),
        List.of(rule(GateCheck.CLEAN, 1)), Optional.empty(), Optional.empty()))
        .hasMessageContaining("share no model")
        .hasMessageContaining("several models (a, c): name one with --baseline-model");
    GateResult chosen = Gate.evaluate(both, run("b", 5.5, 5.5),
        List.of(rule(GateCheck.CLEAN, 0.2)), Optional.of("c"), Optional.empty());
    assertThat(chosen.passed()).isTrue();
    assertThatThrownBy(() -> Gate.evaluate(both, run("b", 5, 5),
        List.of(rule(GateCheck.CLEAN, 1)), Optional.of("z"), Optional.empty()))
        .hasMessageContaining("no model 'z'");
  }

  @Test
  void junitXmlHasOneCaseperVerdictAndAFailureForEachFailingOne() {
    GateResult result = Gate.evaluate(run("a", 5.0, 5.5), run("b", 5.4, 5.5),
        List.of(rule(GateCheck.CLEAN, 0.25), rule(GateCheck.CONDITION, 0.25)),
        Optional.empty(), Optional.empty());
    String xml = GateJunitXml.render(result);
    assertThat(xml).contains("tests=\"2\"").contains("failures=\"1\"");
    assertThat(xml.split("<testcase", -1)).hasSize(3);
    assertThat(xml.split("<failure", -1)).hasSize(2);
    String md = GateMarkdown.render(result, "runs/a", "runs/b");
    assertThat(md).startsWith("# EchoBench gate: FAIL").contains("1 of 2 checks passed")
        .contains("| rule | b vs a | adult / lvef | clean mae | 5.000 | 5.400 | +0.400 | 0.250"
            + " | FAIL |");
  }

  private static List<Result> concat(Table a, Table b) {
    List<Result> rows = new ArrayList<>(ResultsTable.rows(a));
    ResultsTable.rows(b).stream().filter(r -> !ModelNames.isBaseline(r.model())).forEach(rows::add);
    return rows;
  }
}
