package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.models.probe.ProbeProgress;
import echobench.models.probe.SelectionMetric;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StudyProgressTest {
  /** Runs {@code step} with stderr captured and returns what was written there. */
  private static String stderrOf(Runnable step) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      step.run();
    } finally {
      System.setErr(old);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aProbesBarShowsItsEpochsAndTheValidationScore() {
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    StudyProgress progress =
        new StudyProgress(new PrintStream(drawn, true, StandardCharsets.UTF_8));
    try (StudyProgress.Bar bar = progress.epochs("jepa-echo-tiny/attentive", 20)) {
      progress.listener(bar).epochDone(4, 20, SelectionMetric.MAE, 6.4321);
      progress.listener(bar).epochDone(7, 20, SelectionMetric.MAE, Double.NaN);
    }
    String shown = drawn.toString(StandardCharsets.UTF_8);
    // an epoch without a score keeps the last one shown
    assertThat(shown).contains("train jepa-echo-tiny/attentive").contains("7/20")
        .contains("val mae 6.432 (ep 4)").doesNotContain("NaN");
  }

  @Test
  void withoutATerminalNothingIsDrawnAndTheTrainerIsNotAskedToScoreEachEpoch() {
    String shown = stderrOf(() -> {
      StudyProgress progress = new StudyProgress(false);
      try (StudyProgress.Bar bar = progress.epochs("m/linear", 5);
          StudyProgress.Bar videos = progress.bar("evaluate adult", 10)) {
        assertThat(progress.listener(bar)).isSameAs(ProbeProgress.NONE);
        videos.step(4);
      }
    });
    assertThat(shown).isEmpty();
  }
}
