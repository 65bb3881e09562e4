package echobench.reports.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.ModelNames;
import echobench.reports.TrainingVariant;
import echobench.reports.metrics.Metric;
import echobench.reports.results.SummaryRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label-efficiency curves from summary rows, against hand arithmetic. */
class LabelEfficiencyTest {

  private static SummaryRow row(String model, double clean, double avgDeg) {
    return new SummaryRow(model, "adult", "lvef", Metric.MAE, clean, avgDeg, avgDeg, "");
  }

  @Test
  void meanAndSampleSdOverLabelSeedsPerFraction() {
    List<SummaryRow> rows = List.of(
        row("enc/linear", 5.0, 0.10),
        row("enc/linear@labels=0.1:seed=1", 6.0, 0.20),
        row("enc/linear@labels=0.1:seed=2", 8.0, 0.30),
        row("enc/linear@labels=0.1:seed=3", 10.0, 0.10),
        row("enc/linear@labels=0.01:seed=1", 9.0, 0.40),
        row("enc/linear@labels=0.01:seed=2", 11.0, 0.50),
        row("enc/linear+ft", 1.0, 0.0),
        row("other/knn", 4.0, 0.05),
        row(ModelNames.TRAIN_MEAN_BASELINE, 12.0, 0.0));
    List<LabelEfficiency.Curve> curves = LabelEfficiency.of(rows);
    assertThat(curves).hasSize(1);
    LabelEfficiency.Curve c = curves.get(0);
    assertThat(c.model()).isEqualTo("enc/linear");
    assertThat(c.points()).extracting(LabelEfficiency.Point::fraction)
        .containsExactly(0.01, 0.1, 1.0);
    LabelEfficiency.Point tenth = c.points().get(1);
    // clean 6, 8, 10: mean 8, squares 4 + 0 + 4 = 8, sd = sqrt(8 / 2) = 2.
    assertThat(tenth.seeds()).isEqualTo(3);
    assertThat(tenth.cleanMean()).isEqualTo(8.0);
    assertThat(tenth.cleanSd()).isCloseTo(2.0, within(1e-12));
    // Avg. Deg. 0.2, 0.3, 0.1: mean 0.2, squares 0 + 0.01 + 0.01, sd = sqrt(0.02 / 2) = 0.1.
    assertThat(tenth.avgDegradationMean()).isCloseTo(0.2, within(1e-12));
    assertThat(tenth.avgDegradationSd()).isCloseTo(0.1, within(1e-12));
    LabelEfficiency.Point hundredth = c.points().get(0);
    // 9, 11: mean 10, sd sqrt(2 / 1); 0.4, 0.5: mean 0.45, sd sqrt(0.005).
    assertThat(hundredth.cleanMean()).isEqualTo(10.0);
    assertThat(hundredth.cleanSd()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(hundredth.avgDegradationMean()).isCloseTo(0.45, within(1e-12));
    assertThat(hundredth.avgDegradationSd()).isCloseTo(Math.sqrt(0.005), within(1e-12));
    LabelEfficiency.Point all = c.points().get(2);
    assertThat(all.seeds()).isEqualTo(1);
    assertThat(all.cleanMean()).isEqualTo(5.0);
    assertThat(all.cleanSd()).isNaN();
  }

  @Test
  void noSubsetsNoCurves() {
    assertThat(LabelEfficiency.of(List.of(row("enc/linear", 5, 0.1), row("enc/linear+ft", 4, 0))))
        .isEmpty();
  }

  @Test
  void modelNamesRoundTripTheirTrainingSet() {
    TrainingVariant subset = TrainingVariant.parse("jepa/attentive@labels=0.01:seed=3");
    assertThat(subset).isEqualTo(new TrainingVariant("jepa/attentive", 0.01, 3, false));
    assertThat(subset.model()).isEqualTo("jepa/attentive@labels=0.01:seed=3");
    assertThat(TrainingVariant.parse("jepa/attentive+ft"))
        .isEqualTo(new TrainingVariant("jepa/attentive", 1, 1, true));
    assertThat(TrainingVariant.parse("jepa/attentive"))
        .isEqualTo(new TrainingVariant("jepa/attentive", 1, 1, false));
    assertThat(TrainingVariant.labelSuffix(1.0, 1)).isEmpty();
    assertThat(TrainingVariant.fractionText(0.10)).isEqualTo("0.1");
  }
}
