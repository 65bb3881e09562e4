package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documented upper bounds and non-positive hyper-parameters are refused when a config is read. */
class ConfigBoundsTest {
  private static final String STUDY = "name: bounds\n"
      + "sampling: {frames: 16, frame_step: 2, clips: 1, resolution: 112}\n"
      + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 8, size: 112, frames: 64}\n"
      + "train: adult\n"
      + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
      + "probes:\n  - {kind: attentive, heads: 4, lr: [0.001], wd: [0.01]}\n";

  @TempDir Path temp;

  @Test
  void theLargestAllowedValuesParse() throws IOException {
    StudyConfig config = StudyConfig.read(write(STUDY
        .replace("frames: 16, frame_step: 2, clips: 1, resolution: 112",
            "frames: 128, frame_step: 64, clips: 32, resolution: 1024")
        .replace("count: 8, size: 112, frames: 64", "count: 100000, size: 1024, frames: 128")));
    assertThat(config.sampling().resolution()).isEqualTo(1024);
    assertThat(((SyntheticSpec) config.datasets().get("adult")).count()).isEqualTo(100_000);
  }

  @Test
  void samplingBounds() throws IOException {
    refused("resolution: 112", "resolution: 100000", 2,
        "sampling: resolution must be 1..1024, not 100000");
    refused("frames: 16,", "frames: 100000,", 2, "sampling: frames must be 1..256, not 100000");
    refused("clips: 1", "clips: 33", 2, "sampling: clips must be 1..32, not 33");
    refused("frame_step: 2", "frame_step: 65", 2, "sampling: frame_step must be 1..64, not 65");
    // 256 × 1024² = 2^28 pixels, twice the clip bound of 2^27.
    refused("frames: 16, frame_step: 2, clips: 1, resolution: 112",
        "frames: 256, frame_step: 2, clips: 1, resolution: 1024", 2,
        "sampling: frames × resolution² must be at most 134217728 pixels, not 256 × 1024²");
  }

  @Test
  void syntheticBounds() throws IOException {
    refused("size: 112", "size: 100000", 4, "size must be 32..1024, not 100000");
    refused("frames: 64}", "frames: 2000000000}", 4, "frames must be 1..1024, not 2000000000");
    refused("count: 8", "count: 100001", 4, "count must be 1..100000, not 100001");
    // 1024 frames of 1024² are 2^30 pixels.
    refused("size: 112, frames: 64", "size: 1024, frames: 1024", 4,
        "frames × size² must be at most 134217728 pixels per video, not 1024 × 1024²");
  }

  @Test
  void probeHyperParameters() throws IOException {
    refused("lr: [0.001]", "lr: [-1]", 9, "learning rates must be positive, not -1.0");
    refused("lr: [0.001]", "lr: [0]", 9, "learning rates must be positive, not 0.0");
    refused("wd: [0.01]", "wd: [-0.5]", 9, "weight decays must be non-negative, not -0.5");
    refused("heads: 4", "heads: 7", 8, "probes: probe attentive: heads 7 do not divide the"
        + " token width 64 of model random");
    refused("heads: 4", "heads: 0", 9, "attentive probe needs depth >= 1, heads >= 1");
    refused("heads: 4", "heads: 512", 9, "probe heads must be at most 256, not 512");
    refused("{kind: attentive, heads: 4,", "{kind: attentive, epochs: 10001, heads: 4,", 9,
        "probe epochs must be at most 10000, not 10001");
  }

  /** The study with {@code from} replaced by {@code to} is refused at {@code line}. */
  private void refused(String from, String to, int line, String message) throws IOException {
    assertThat(STUDY).contains(from);
    Path file = write(STUDY.replace(from, to));
    assertThatThrownBy(() -> StudyConfig.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":" + line + ": ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(temp, "study", ".yaml"), text);
  }
}
