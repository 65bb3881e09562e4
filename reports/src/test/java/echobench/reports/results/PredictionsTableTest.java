package echobench.reports.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.Condition;
import echobench.reports.TestTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsTableTest {
  @TempDir Path dir;

  @Test
  void roundTripIsExact() {
    List<Prediction> rows = TestTables.predictions("m/linear", "adult", 7, 3.0, 0.5,
        List.of(Condition.CLEAN, new Condition("shadow-gauss", 1)), 1);
    Path file = dir.resolve("predictions.csv");
    PredictionsTable.write(PredictionsTable.toTable(rows), file);
    assertThat(PredictionsTable.rows(PredictionsTable.read(file))).containsExactlyElementsOf(rows);
  }

  @Test
  void aVideoPredictedTwiceIsNamedByLine() throws IOException {
    Path file = dir.resolve("predictions.csv");
    Files.writeString(file, "model,dataset,perturbation,severity,video,target,prediction,scores\n"
        + "m,adult,none,0,v1,55,54,\n"
        + "m,adult,none,0,v2,35,41,\n"
        + "m,adult,none,0,v1,55,50,\n");
    assertThatThrownBy(() -> PredictionsTable.read(file))
        .hasMessage(file + ":4: duplicate of line 2 (same model, dataset, perturbation,"
            + " severity, video)");
  }

  @Test
  void classProbabilitiesRoundTripExactlyAndRegressionRowsHaveNone() {
    // float probabilities widened to double, as a probe's softmax gives them
    double[] scores = {(double) 0.1f, (double) 0.7f, (double) 0.15f, (double) 0.05f};
    List<Prediction> rows = List.of(
        new Prediction("m/linear", "adult", Condition.CLEAN, "v1", 1, 1, scores),
        new Prediction("m/linear", "adult", Condition.CLEAN, "v2", 2, 1, scores),
        new Prediction("m/knn", "adult", Condition.CLEAN, "v1", 55, 54.5));
    Path file = dir.resolve("predictions.csv");
    PredictionsTable.write(PredictionsTable.toTable(rows), file);
    List<Prediction> read = PredictionsTable.rows(PredictionsTable.read(file));
    assertThat(read).containsExactlyElementsOf(rows);
    assertThat(read.get(0).scores()).containsExactly(scores);
    assertThat(read.get(2).hasScores()).isFalse();
  }

  @Test
  void probabilitiesThatDoNotSumToOneAreNamedByLine() throws IOException {
    Path file = dir.resolve("predictions.csv");
    Files.writeString(file, "model,dataset,perturbation,severity,video,target,prediction,scores\n"
        + "m,adult,none,0,v1,1,1,0.2 0.8\n"
        + "m,adult,none,0,v2,0,1,0.3 0.3\n");
    assertThatThrownBy(() -> PredictionsTable.read(file))
        .hasMessage(file + ":3: scores: the class probabilities sum to 0.6, not 1");
  }

  @Test
  void aPredictedClassOutsideTheScoresIsNamedByLine() throws IOException {
    Path file = dir.resolve("predictions.csv");
    Files.writeString(file, "model,dataset,perturbation,severity,video,target,prediction,scores\n"
        + "m,adult,none,0,v1,1,2,0.2 0.8\n");
    assertThatThrownBy(() -> PredictionsTable.read(file))
        .hasMessage(file + ":2: prediction 2 is not one of the 2 classes of scores");
  }
}
