package echobench.reports;

import echobench.reports.results.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small synthetic prediction sets for tests. */
public final class TestTables {
  private TestTables() {}

  /**
   * Predictions of one model on {@code videos} videos named v000…: targets spread over 20–75 %,
   * predictions off by Gaussian noise of {@code noise} EF points, plus {@code bias} under each
   * perturbed condition per severity point.
   */
  public static List<Prediction> predictions(String model, String dataset, int videos,
      double noise, double biasPerSeverity, List<Condition> conditions, long seed) {
    List<Prediction> rows = new ArrayList<>();
    for (Condition c : conditions) {
      SplittableRandom random = new SplittableRandom(seed);
      for (int v = 0; v < videos; v++) {
        double target = 20 + 55.0 * v / (videos - 1);
        double prediction = target + noise * gaussian(random) + biasPerSeverity * c.severity();
        rows.add(new Prediction(model, dataset, c, String.format("v%03d", v), target,
            prediction));
      }
    }
    return rows;
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
