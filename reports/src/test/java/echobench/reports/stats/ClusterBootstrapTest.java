package echobench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterBootstrapTest {
  private static final List<String> VIDEOS = List.of("a1", "a2", "b1", "c1", "d1");

  @Test
  void twoVideosOfOnePatientAreAlwaysDrawnTogether() {
    ResamplingUnits units = new ResamplingUnits(Map.of("ped",
        Map.of("a1", "A", "a2", "A", "b1", "B", "c1", "C", "d1", "D")));
    BootstrapSettings settings = new BootstrapSettings(400, 3, 0.95).withUnits(units);
    PairedBootstrap bootstrap = new PairedBootstrap("ped", VIDEOS, settings);
    List<int[]> samples = new ArrayList<>();
    bootstrap.interval(indices -> {
      samples.add(indices.clone());
      return 0;
    });

    assertThat(units.unit("ped")).isEqualTo(ResamplingUnits.PATIENT);
    assertThat(units.unit("adult")).isEqualTo(ResamplingUnits.VIDEO);
    // The first call is the estimate on every video once, then one call per resample.
    assertThat(samples).hasSize(401);
    assertThat(samples.get(0)).containsExactly(0, 1, 2, 3, 4);
    boolean sawPatientTwice = false;
    for (int[] sample : samples.subList(1, samples.size())) {
      int a1 = count(sample, 0);
      int a2 = count(sample, 1);
      assertThat(a1).isEqualTo(a2);
      // Four patients drawn: patient A counts two videos each time it is drawn.
      assertThat(sample.length).isEqualTo(4 + a1);
      sawPatientTwice |= a1 >= 2;
    }
    assertThat(sawPatientTwice).isTrue();
  }

  @Test
  void oneVideoPerPatientResamplesExactlyAsTheVideoBootstrap() {
    ResamplingUnits units = new ResamplingUnits(Map.of("ped",
        Map.of("a1", "P5", "a2", "P4", "b1", "P3", "c1", "P2", "d1", "P1")));
    BootstrapSettings plain = new BootstrapSettings(300, 9, 0.9);
    double[] values = {3, 1, 4, 1, 5};

    assertThat(new PairedBootstrap("ped", VIDEOS, plain.withUnits(units)).meanInterval(values))
        .isEqualTo(new PairedBootstrap(VIDEOS, plain).meanInterval(values));
  }

  @Test
  void aPatientResampleOfTwoEqualPatientsGivesTheirMean() {
    // Patient A's videos average 2, patient B's 6: every resample's mean is a mixture of whole
    // patients: 2 (A, A), 6 (B, B) or the mean of all four videos, 4 (A, B).
    ResamplingUnits units = new ResamplingUnits(Map.of("d",
        Map.of("a1", "A", "a2", "A", "b1", "B", "b2", "B")));
    PairedBootstrap bootstrap = new PairedBootstrap("d", List.of("a1", "a2", "b1", "b2"),
        new BootstrapSettings(200, 4, 0.95).withUnits(units));
    List<Double> means = new ArrayList<>();
    bootstrap.interval(indices -> {
      double sum = 0;
      for (int i : indices) {
        sum += new double[] {1, 3, 5, 7}[i];
      }
      means.add(sum / indices.length);
      return 0;
    });
    assertThat(means).allMatch(m -> m == 2 || m == 4 || m == 6).contains(2.0, 4.0, 6.0);
  }

  private static int count(int[] sample, int index) {
    int n = 0;
    for (int i : sample) {
      n += i == index ? 1 : 0;
    }
    return n;
  }
}
