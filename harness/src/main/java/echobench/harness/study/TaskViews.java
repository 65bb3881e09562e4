package echobench.harness.study;

import echobench.harness.task.EchoTask;
import echobench.models.probe.FeatureSample;
import java.util.Arrays;
import java.util.List;

/**
 * The views a study's task reads, as the feature pass and the probes' features need them: their
 * names in order (none for a single-view task), and every view present in each sample's features
 * (a study's samples carry all of the task's views; only view dropout hides one, while training).
 */
final class TaskViews {
  private TaskViews() {}

  /** The names of {@code task}'s views, in order; empty for a single-view task. */
  static List<String> names(EchoTask task) {
    return task.views().stream().map(Enum::name).toList();
  }

  /** The probe's input for one sample: its stacked views' tokens, every view present. */
  static FeatureSample features(EchoTask task, String id, float[] tokens, float label) {
    if (task.views().isEmpty()) {
      return FeatureSample.of(id, tokens, label);
    }
    boolean[] present = new boolean[task.views().size()];
    Arrays.fill(present, true);
    return new FeatureSample(id, tokens, present, label);
  }
}
