package echobench.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import echobench.perturb.Clip;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.perturb.SectorGeometry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.io.TempDir;

class PerturbationBenchmarkTest {
  private static final BenchSettings QUICK =
      new BenchSettings(Duration.ZERO, 1, Duration.ZERO);

  @Test
  void measuresTheReferenceThenEveryPerturbationAtEverySizeAndWritesJson(@TempDir Path dir)
      throws IOException {
    List<ClipSize> sizes = List.of(new ClipSize(2, 16, 16), new ClipSize(2, 24, 20));
    List<Throughput> streamed = new ArrayList<>();

    List<Throughput> results =
        new PerturbationBenchmark(QUICK).run(Perturbations.all(), sizes, streamed::add);

    assertThat(streamed).isEqualTo(results);
    int perSize = Perturbations.all().size() + 1;
    assertThat(results).hasSize(2 * perSize);
    assertThat(results.get(0).name()).isEqualTo(MultiplyReference.NAME);
    assertThat(results.get(perSize).size()).isEqualTo("2x24x20");
    for (int i = 0; i < Perturbations.all().size(); i++) {
      assertThat(results.get(1 + i).name()).isEqualTo(Perturbations.all().get(i).name());
    }
    assertThat(results).allSatisfy(t -> assertThat(t.voxelsPerSecond()).isPositive());

    Path json = dir.resolve("bench.json");
    ThroughputTable.writeJson(results, json);
    JsonNode rows = new ObjectMapper().readTree(json.toFile());
    assertThat(rows.size()).isEqualTo(results.size());
    JsonNode first = rows.get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("name", "size", "voxels_per_second");
    assertThat(first.get("size").asText()).isEqualTo("2x16x16");
    assertThat(first.get("voxels_per_second").asDouble())
        .isCloseTo(results.get(0).voxelsPerSecond(), Offset.offset(1.0));
  }

  @Test
  void fanFitRecoversTheBenchmarkClipsSectorAndReportsItsRate() {
    ClipSize size = new ClipSize(6, 160, 160);
    SectorGeometry truth = SectorGeometry.echoJepaDefault(160, 160);
    Clip clip = BenchmarkClip.create(6, 160, 160, ScanMask.sector(160, 160, truth), 3);

    SectorGeometry fit = ScanMask.automatic(clip).geometry();
    Throughput rate = new PerturbationBenchmark(QUICK).fanFit(size);

    assertThat(fit.apexX()).isCloseTo(truth.apexX(), Offset.offset(2.0));
    assertThat(fit.apexY()).isCloseTo(truth.apexY(), Offset.offset(2.0));
    assertThat(fit.leftAngle()).isCloseTo(truth.leftAngle(), Offset.offset(Math.toRadians(2)));
    assertThat(fit.rightAngle()).isCloseTo(truth.rightAngle(), Offset.offset(Math.toRadians(2)));
    assertThat(fit.radius()).isCloseTo(truth.radius(), Offset.offset(2.0));
    assertThat(rate.name()).isEqualTo(PerturbationBenchmark.FAN_FIT);
    assertThat(rate.size()).isEqualTo("6x160x160");
    assertThat(rate.voxelsPerSecond()).isPositive();
  }

  @Test
  void referenceMultipliesInsideTheMaskAndLeavesTheOutsideAlone() {
    ScanMask mask = ScanMask.sector(20, 20, SectorGeometry.echoJepaDefault(20, 20));
    Clip clip = BenchmarkClip.create(3, 20, 20, mask, 1);
    Clip out = new MultiplyReference(clip, mask).apply(clip);

    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        float expected = mask.contains(x, y)
            ? clip.get(0, 2, y, x) * (1f - 0.5f * y / 20)
            : clip.get(0, 2, y, x);
        assertThat(out.get(0, 2, y, x)).isEqualTo(expected);
      }
    }
  }

  @Test
  void benchmarkClipIsBlackOutsideTheFanAndSpeckledInside() {
    ScanMask mask = ScanMask.sector(64, 64, SectorGeometry.echoJepaDefault(64, 64));
    Clip clip = BenchmarkClip.create(2, 64, 64, mask, 3);

    double sum = 0;
    double sumSquares = 0;
    int inside = 0;
    for (int p = 0; p < 64 * 64; p++) {
      float v = clip.data()[p];
      assertThat(v).isBetween(0f, 1f);
      if (mask.contains(p)) {
        sum += v;
        sumSquares += v * v;
        inside++;
      } else {
        assertThat(v).isZero();
      }
    }
    double mean = sum / inside;
    double sd = Math.sqrt(sumSquares / inside - mean * mean);
    assertThat(mean).isBetween(0.15, 0.45);
    assertThat(sd / mean).as("speckle contrast").isGreaterThan(0.3);
  }
}
