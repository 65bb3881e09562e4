package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.Condition;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A final table that cannot be written (here a folder in its place; a full disk or a missing
 * permission fail the same way) is bad input naming the file, never an internal error.
 */
class StudyOutputsTest {
  @TempDir Path temp;

  @Test
  void aTableThatCannotBeWrittenIsBadInputNamingIt() throws IOException {
    Path out = Files.createDirectories(temp.resolve("run"));
    Files.writeString(Files.createDirectories(out.resolve("results.csv")).resolve("x"), "in the way");
    StudyOutputs outputs = new StudyOutputs(out, config());

    assertThatThrownBy(() -> outputs.write(predictions(), List.of(Metric.MAE), "name: x\n"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("cannot write " + out.resolve("results.csv") + ": ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(out.resolve("results.csv").resolve("x")).hasContent("in the way");
    try (var left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    }
  }

  private StudyConfig config() throws IOException {
    return StudyConfig.read(Files.writeString(temp.resolve("study.yaml"), "name: outputs\n"
        + "bootstrap: {resamples: 10}\n"
        + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 8}\n"
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: linear}\n"));
  }

  private static List<Prediction> predictions() {
    List<Prediction> rows = new ArrayList<>();
    for (int v = 0; v < 6; v++) {
      rows.add(new Prediction("random/linear", "adult", Condition.CLEAN, "v" + v, 40 + 5 * v,
          45 + 3 * v));
    }
    return rows;
  }
}
