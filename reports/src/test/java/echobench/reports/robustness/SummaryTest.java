package echobench.reports.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.ReferenceBaseline;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.results.SummaryTable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EchoJEPA robustness table (LVEF MAE on EchoNet-Dynamic test; echojepa-facts.md §2), typed in
 * as results.csv with depth-exp and shadow-gauss at severities 1–3, must give its Avg. Deg.
 * column: EchoPrime +16.8 %, PanEcho +3.7 %, EchoMAE-L +0.5 %, EchoJEPA-L +2.3 %,
 * EchoJEPA-G +2.3 %.
 */
class SummaryTest {
  @TempDir Path dir;

  @Test
  void reproducesTheEchoJepaAvgDegColumnFromTheTypedInTable() throws URISyntaxException {
    Map<String, SummaryRow> byModel = echoJepaSummary();
    assertThat(byModel).containsOnlyKeys(
        "EchoPrime", "PanEcho", "EchoMAE-L", "EchoJEPA-L", "EchoJEPA-G");
    // to 0.1 percentage point = 0.001 as a fraction
    assertThat(byModel.get("EchoPrime").avgDegradation()).isCloseTo(0.168, within(0.001));
    assertThat(byModel.get("PanEcho").avgDegradation()).isCloseTo(0.037, within(0.001));
    assertThat(byModel.get("EchoMAE-L").avgDegradation()).isCloseTo(0.005, within(0.001));
    assertThat(byModel.get("EchoJEPA-L").avgDegradation()).isCloseTo(0.023, within(0.001));
    assertThat(byModel.get("EchoJEPA-G").avgDegradation()).isCloseTo(0.023, within(0.001));
    // EchoPrime by hand: mean(5.58, 5.71, 5.91, 5.55, 5.61, 5.78) = 34.14/6 = 5.69; 5.69/4.87 − 1
    assertThat(byModel.get("EchoPrime").avgDegradation())
        .isCloseTo(5.69 / 4.87 - 1, within(1e-12));
  }

  @Test
  void relativeRobustnessOfEchoJepaGAgainstEchoPrimeIs86Percent() throws URISyntaxException {
    Map<String, SummaryRow> byModel = echoJepaSummary();
    double relative = Degradation.relativeRobustness(
        byModel.get("EchoJEPA-G").avgDegradation(), byModel.get("EchoPrime").avgDegradation());
    assertThat(Math.round(100 * relative)).isEqualTo(86);
  }

  @Test
  void worstCaseAndCleanComeFromTheResultsAlone() throws URISyntaxException {
    Map<String, SummaryRow> byModel = echoJepaSummary();
    // EchoPrime's worst cell is depth-exp@3: 5.91/4.87 − 1
    assertThat(byModel.get("EchoPrime").worstCondition()).isEqualTo("depth-exp@3");
    assertThat(byModel.get("EchoPrime").worstDegradation())
        .isCloseTo(5.91 / 4.87 - 1, within(1e-12));
    assertThat(byModel.get("EchoPrime").clean()).isEqualTo(4.87);
    // PanEcho's depth-exp@1 equals clean: a degradation of exactly 0
    assertThat(byModel.get("PanEcho").worstCondition()).isEqualTo("depth-exp@3");
  }

  @Test
  void scoresDegradeWhenTheyFallAndSeverityZeroIsNotPerturbed() {
    List<Result> results = List.of(
        Result.of("m", "d", "lvef", Condition.CLEAN, Metric.R2, 0.80),
        Result.of("m", "d", "lvef", new Condition("gain", 0), Metric.R2, 0.10),
        Result.of("m", "d", "lvef", new Condition("gain", 1), Metric.R2, 0.70),
        Result.of("m", "d", "lvef", new Condition("gain", 2), Metric.R2, 0.60));
    SummaryRow row = Summary.of(results).get(0);
    // (0.8 − 0.7)/0.8 = 0.125 and (0.8 − 0.6)/0.8 = 0.25; mean 0.1875
    assertThat(row.avgDegradation()).isCloseTo(0.1875, within(1e-12));
    assertThat(row.worstDegradation()).isCloseTo(0.25, within(1e-12));
    assertThat(row.worstCondition()).isEqualTo("gain@2");
  }

  @Test
  void theTrainingMeanBaselineHasNoWorstCondition() {
    // Its predictions ignore the image: the same error (MAE 5.0) under every condition.
    List<Prediction> models = new ArrayList<>();
    for (Condition c : List.of(Condition.CLEAN, new Condition("depth-exp", 1),
        new Condition("shadow-gauss", 3))) {
      for (int v = 0; v < 4; v++) {
        models.add(new Prediction("m/linear", "adult", c, "v" + v, 40 + 5 * v,
            41 + 5 * v + c.severity()));
      }
    }
    List<Prediction> baseline = ReferenceBaseline.trainMean(47.5).predictions(models);
    List<Result> results = new ArrayList<>();
    for (Condition c : List.of(Condition.CLEAN, new Condition("depth-exp", 1),
        new Condition("shadow-gauss", 3))) {
      double[] t = baseline.stream().filter(p -> p.condition().equals(c))
          .mapToDouble(Prediction::target).toArray();
      double[] p = baseline.stream().filter(x -> x.condition().equals(c))
          .mapToDouble(Prediction::prediction).toArray();
      results.add(Result.of(ModelNames.TRAIN_MEAN_BASELINE, "adult", "lvef", c, Metric.MAE,
          Metric.MAE.compute(t, p)));
    }
    SummaryRow row = Summary.of(results).get(0);
    // targets 40, 45, 50, 55 against 47.5: errors 7.5, 2.5, 2.5, 7.5
    assertThat(row.clean()).isEqualTo(5.0);
    assertThat(row.worstDegradation()).isZero();
    assertThat(row.worstCondition()).isEmpty();
  }

  @Test
  void aSingleConditionIsTheWorstOnlyWhenItDegrades() {
    SummaryRow worse = Summary.of(List.of(
        Result.of("m", "d", "lvef", Condition.CLEAN, Metric.MAE, 4.0),
        Result.of("m", "d", "lvef", new Condition("gain", 1), Metric.MAE, 5.0))).get(0);
    SummaryRow same = Summary.of(List.of(
        Result.of("m", "d", "lvef", Condition.CLEAN, Metric.MAE, 4.0),
        Result.of("m", "d", "lvef", new Condition("gain", 1), Metric.MAE, 4.0))).get(0);
    assertThat(worse.worstCondition()).isEqualTo("gain@1");
    assertThat(worse.worstDegradation()).isEqualTo(0.25);
    assertThat(same.worstCondition()).isEmpty();
  }

  @Test
  void summaryTableRoundTrips() throws URISyntaxException {
    List<SummaryRow> rows = Summary.of(ResultsTable.rows(ResultsTable.read(resource())));
    Path file = dir.resolve("summary.csv");
    SummaryTable.write(SummaryTable.toTable(rows), file);
    assertThat(SummaryTable.rows(SummaryTable.read(file))).containsExactlyElementsOf(rows);
  }

  private static Map<String, SummaryRow> echoJepaSummary() throws URISyntaxException {
    return Summary.of(ResultsTable.rows(ResultsTable.read(resource()))).stream()
        .collect(Collectors.toMap(SummaryRow::model, r -> r));
  }

  static Path resource() throws URISyntaxException {
    return Path.of(SummaryTest.class.getResource("/echojepa-robustness.csv").toURI());
  }
}
