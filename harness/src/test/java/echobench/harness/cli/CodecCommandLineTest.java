package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.video.VideoReader;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Clip;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code codec-h264}, provided by the harness, through {@code echobench perturb}. */
class CodecCommandLineTest {
  @TempDir Path temp;

  @Test
  void theListShowsTheCodecWithItsQuantisers() {
    CommandLineCapture run = CommandLineCapture.run("perturb", "--list");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("codec-h264").contains("QP=28").contains("QP=48");
  }

  @Test
  void aClipIsReencodedIntoAFileOfTheSameShape() {
    Path video = write(32, "clip");
    Path out = temp.resolve("out.avi");
    CommandLineCapture run = CommandLineCapture.run("perturb", video.toString(), "--name",
        "codec-h264", "--severity", "1", "--mask", "full", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Clip before = VideoReader.read(video);
    Clip after = VideoReader.read(out);
    assertThat(after.frames()).isEqualTo(before.frames());
    assertThat(after.data()).hasSameSizeAs(before.data()).isNotEqualTo(before.data());
  }

  @Test
  void aClipTheEncoderRefusesGivesOneLineAndExitTwoAndNoOutput() {
    Path video = write(8, "tiny");
    Path out = temp.resolve("out.avi");
    CommandLineCapture run = CommandLineCapture.run("perturb", video.toString(), "--name",
        "codec-h264", "--severity", "1", "--mask", "full", "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).contains("codec-h264: clip tiny").contains("16×16");
    assertThat(Files.exists(out)).isFalse();
  }

  /** A lossless grey clip of {@code size}² pixels with a diagonal ramp. */
  private Path write(int size, String name) {
    int frames = 3;
    float[] data = new float[frames * size * size];
    for (int t = 0; t < frames; t++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          data[(t * size + y) * size + x] = ((x + y + 3 * t) * 5 % 200 + 30) / 255f;
        }
      }
    }
    Path file = temp.resolve(name + ".avi");
    VideoWriter.write(new Clip(data, 1, frames, size, size, 25, name), file);
    return file;
  }
}
