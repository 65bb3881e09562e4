package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.data.EchoView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default adult cohort looks like EchoNet-Dynamic where {@code synth --stats} measures it
 * (issue 18, item 0). Nine public EchoNet-Dynamic sample clips, measured the same way (fan =
 * temporal maximum above 10/255, 32 frames of 112×112), have median 38, 90th percentile 141 and
 * 41 % of fan pixels darker than 25/255; the first 50 videos of {@code echobench synth --cohort
 * adult} (seed 0, its default size, rate and view) must have median and 90th percentile within
 * ±25 % of those and a dark share within ±0.10, measured on the videos as written.
 */
class SimulatedLookTest {
  private static final int VIDEOS = 50;

  @Test
  void defaultAdultVideosHaveEchoNetsInFanIntensity(@TempDir Path out) throws IOException {
    // synth's defaults: 112 px at 50 fps, A4C, seed 0. The frames measured do not depend on how
    // many follow, so only those are written.
    new CohortWriter(Cohort.ADULT, 0, 112, FanIntensity.FRAMES, 50, List.of(EchoView.A4C), 2)
        .write(VIDEOS, out, () -> { });
    List<Path> videos;
    try (Stream<Path> files = Files.list(out.resolve("Videos"))) {
      videos = files.sorted().toList();
    }
    assertThat(videos).hasSize(VIDEOS);
    FanIntensity look = FanIntensity.ofVideos(videos);

    assertThat(look.median()).as(look.line()).isBetween(29, 47);
    assertThat(look.p90()).as(look.line()).isBetween(106, 176);
    assertThat(look.darkFraction()).as(look.line()).isBetween(0.31, 0.51);
  }
}
