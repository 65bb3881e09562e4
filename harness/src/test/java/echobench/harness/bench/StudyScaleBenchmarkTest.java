package echobench.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.bench.StudyScaleBenchmark.Report;
import echobench.harness.bench.StudyScaleBenchmark.Stage;
import echobench.models.probe.FeatureStore;
import echobench.models.probe.ProbeTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyScaleBenchmarkTest {

  @Test
  void eachSizeReportsBothStagesWithTheStoreItWroteAndDeletesIt(@TempDir Path work)
      throws IOException {
    ProbeTraining training = new ProbeTraining(1, 4, List.of(1e-3), List.of(0.01), 0.0, 0);
    Report report = new StudyScaleBenchmark(6, 16, 2, FeatureStore.Dtype.FLOAT16, training, 0)
        .run(List.of(10, 30), work);
    List<Stage> stages = report.stages();
    assertThat(stages).extracting(Stage::videos).containsExactly(10, 10, 30, 30);
    assertThat(stages).extracting(Stage::stage)
        .containsExactly("encode+store", "linear-probe", "encode+store", "linear-probe");
    for (Stage s : stages) {
      // Two store files: each a header, then videos x 2 clips x 6 tokens x 16 dims x 2 bytes, then
      // the index (ids and labels, a few dozen bytes per video).
      long tokenBytes = (long) s.videos() * 2 * 6 * 16 * 2;
      assertThat(s.storeBytes()).isBetween(2L * 4096 + tokenBytes,
          2L * 4096 + tokenBytes + 100L * s.videos());
      assertThat(s.seconds()).isPositive();
      if (Files.isReadable(Path.of("/proc/self/status"))) {
        assertThat(s.peakRssBytes()).isPositive();
      }
    }
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }
}
