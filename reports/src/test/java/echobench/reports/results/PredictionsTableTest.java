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
    Files.writeString(file, "model,dataset,perturbation,severity,video,target,prediction\n"
        + "m,adult,none,0,v1,55,54\n"
        + "m,adult,none,0,v2,35,41\n"
        + "m,adult,none,0,v1,55,50\n");
    assertThatThrownBy(() -> PredictionsTable.read(file))
        .hasMessage(file + ":4: duplicate of line 2 (same model, dataset, perturbation,"
            + " severity, video)");
  }
}
