package echobench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.reports.Condition;
import echobench.reports.Evaluation;
import echobench.reports.TestTables;
import echobench.reports.ReferenceBaseline;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionsTable;
import echobench.reports.stats.BootstrapSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A run with a single model whose clean error is as bad as the predict-the-training-mean
 * baseline's: the verdict names it with the caveat instead of ranking an empty list.
 */
class OneModelVerdictTest {
  @TempDir Path run;

  @Test
  void aLoneModelNearTheBaselineGetsTheCaveat() throws IOException {
    List<Condition> conditions = List.of(Condition.CLEAN, new Condition("depth-exp", 2));
    List<Prediction> predictions = new ArrayList<>(
        TestTables.predictions("weak/linear", "adult", 40, 12.0, 0.0, conditions, 1));
    double mean = predictions.stream().filter(p -> p.condition().isClean())
        .mapToDouble(Prediction::target).average().orElseThrow();
    List<Prediction> baseline = ReferenceBaseline.trainMean(mean).predictions(predictions);
    List<Prediction> weak = new ArrayList<>();
    for (int i = 0; i < predictions.size(); i++) {
      Prediction p = predictions.get(i);
      Prediction b = baseline.get(i);
      weak.add(new Prediction(p.model(), p.dataset(), p.condition(), p.video(), p.target(),
          b.prediction() + (i % 2 == 0 ? 0.01 : -0.01)));
    }
    weak.addAll(baseline);
    Table table = PredictionsTable.toTable(weak);
    Table results = Evaluation.results(table, "lvef", List.of(Metric.MAE),
        BootstrapSettings.withSeed(1));

    ReportFiles.write(run, results, Optional.of(table),
        new ReportOptions("one model", Optional.empty(), BootstrapSettings.withSeed(2)));

    String markdown = Files.readString(run.resolve(ReportFiles.MARKDOWN));
    assertThat(markdown).contains("one model, weak/linear")
        .contains("so this Avg. Deg. is no evidence of robustness");
  }
}
