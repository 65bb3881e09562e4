package echobench.harness.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.harness.study.StudyConfig;
import echobench.reports.ModelNames;
import echobench.reports.ReferenceBaseline;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EchoTasksTest {
  @TempDir Path temp;

  @Test
  void everyRegisteredTaskIsFoundByItsIdAndIdsAreDistinct() {
    for (EchoTask task : EchoTasks.ALL) {
      assertThat(EchoTasks.byId(task.id().toUpperCase())).containsSame(task);
      assertThat(ModelNames.isBaseline(task.baselineName())).isTrue();
      assertThat(task.metrics()).isNotEmpty();
    }
    assertThat(EchoTasks.ALL).extracting(EchoTask::id).doesNotHaveDuplicates();
    assertThat(EchoTasks.defaultTask().id()).isEqualTo(LvefTask.ID);
  }

  @Test
  void anUnknownTaskIsOneLineNamingTheFileLineAndKnownTasks() throws IOException {
    Path config = Files.writeString(temp.resolve("study.yaml"), "name: x\n"
        + "task: rvsp\n"
        + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 8}\n"
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: linear}\n");
    assertThatThrownBy(() -> StudyConfig.read(config))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(config + ":2: ")
        .hasMessageContaining("unknown task 'rvsp' (known: lvef, view, biplane-lvef)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aSampleWithoutTheTasksLabelIsNamed() {
    Sample unlabelled = new Sample("v7", List.of(Path.of("v7.avi")), null, null, Split.TRAIN,
        Map.of());
    assertThatThrownBy(() -> new LvefTask().label(unlabelled))
        .isInstanceOf(InputException.class).hasMessage("sample v7 has no EF label (task lvef)");
    assertThatThrownBy(() -> new ViewTask().label(unlabelled))
        .isInstanceOf(InputException.class)
        .hasMessage("sample v7 has no view label (task view)");
  }

  @Test
  void theLvefBaselinePredictsTheTrainingMean() {
    ReferenceBaseline b = new LvefTask().baseline(new float[] {40, 55, 70});
    assertThat(b.model()).isEqualTo(ModelNames.TRAIN_MEAN_BASELINE);
    assertThat(b.prediction()).isCloseTo(55, within(1e-12));
    assertThat(b.scores()).isEmpty();
  }

  @Test
  void theViewBaselinePredictsTheMajorityClassWithTheTrainingFrequencies() {
    // views 0 0 1 3 0 3 3 3: class 3 four times, class 0 three, class 1 once, class 2 never
    ReferenceBaseline b =
        new ViewTask().baseline(new float[] {0, 0, 1, 3, 0, 3, 3, 3});
    assertThat(b.model()).isEqualTo(ModelNames.MAJORITY_CLASS_BASELINE);
    assertThat(b.prediction()).isEqualTo(3);
    assertThat(b.scores()).containsExactly(3 / 8.0, 1 / 8.0, 0, 4 / 8.0);
  }
}
