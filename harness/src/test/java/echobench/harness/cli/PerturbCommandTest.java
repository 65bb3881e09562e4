package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.video.Quantisation;
import echobench.harness.video.VideoReader;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Clip;
import echobench.perturb.PerturbationSpec;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.perturb.Seeds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerturbCommandTest {
  private static final int H = 32;
  private static final int W = 48;

  @TempDir Path dir;
  private Path video;
  private Clip clip;

  @BeforeEach
  void writeInput() {
    float[] data = new float[4 * H * W];
    for (int i = 0; i < data.length; i++) {
      data[i] = Quantisation.toUnit(40 + (i * 37) % 200);
    }
    clip = new Clip(data, 1, 4, H, W, 30, "input");
    video = dir.resolve("input.avi");
    VideoWriter.write(clip, video);
  }

  @Test
  void pngOutputIsTheFirstPerturbedFrameInEightBitGrey() throws IOException {
    Path out = dir.resolve("frame.png");

    CommandLineCapture run = CommandLineCapture.run("perturb", video.toString(), "--name",
        "depth-exp", "--severity", "2", "--mask", "full", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Clip expected = Perturbations.parse("depth-exp", 2)
        .apply(clip, ScanMask.full(H, W), Seeds.forVideo(0, "input", "depth-exp"));
    BufferedImage png = ImageIO.read(out.toFile());
    assertThat(png.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < H; y += 5) {
      for (int x = 0; x < W; x += 7) {
        assertThat(png.getRaster().getSample(x, y, 0))
            .isEqualTo(Quantisation.toLevel(expected.get(0, 0, y, x)));
      }
    }
  }

  @Test
  void videoOutputHoldsTheWholePerturbedClipLosslessly() {
    Path out = dir.resolve("shadowed.avi");

    CommandLineCapture run = CommandLineCapture.run("perturb", video.toString(), "--name",
        "shadow-gauss", "--severity", "3", "--seed", "7", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("shadowed.avi");
    Clip expected = Perturbations.parse("shadow-gauss", 3)
        .apply(clip, ScanMask.automatic(clip), Seeds.forVideo(7, "input", "shadow-gauss"));
    Clip back = VideoReader.read(out);
    assertThat(back.frames()).isEqualTo(4);
    for (int i = 0; i < back.data().length; i++) {
      assertThat(back.data()[i]).isEqualTo(Quantisation.quantise(expected.data()[i]));
    }
  }

  @Test
  void sheetShowsEverySeverityOfAComposition() throws IOException {
    Path out = dir.resolve("sheet.png");

    CommandLineCapture run = CommandLineCapture.run("perturb", video.toString(), "--name",
        "depth-linear+shadow-band", "--sheet", "--mask", "sector", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    int tiles = Perturbations.maxSeverity("depth-linear+shadow-band") + 1;
    BufferedImage png = ImageIO.read(out.toFile());
    assertThat(png.getWidth()).isEqualTo(tiles * W + (tiles - 1) * 2);
    assertThat(png.getHeight()).isGreaterThan(H);
  }

  @Test
  void listNamesEveryRegisteredPerturbationWithEachSeverity() {
    CommandLineCapture run = CommandLineCapture.run("perturb", "--list");

    assertThat(run.exitCode()).isZero();
    for (PerturbationSpec spec : Perturbations.all()) {
      assertThat(run.out()).containsPattern("(?m)^" + spec.name() + " ");
      assertThat(run.out()).contains(spec.parametersAt(spec.maxSeverity()));
    }
  }

  @Test
  void unknownPerturbationIsOneLineExitTwoAndNoOutput() throws IOException {
    assertBadInput("no-such-thing", "1", video, "unknown perturbation 'no-such-thing'");
  }

  @Test
  void severityOutOfRangeIsOneLineExitTwoAndNoOutput() throws IOException {
    assertBadInput("depth-exp", "9", video, "severity 9 is out of range for depth-exp");
  }

  @Test
  void missingVideoIsOneLineExitTwoAndNoOutput() throws IOException {
    Path missing = dir.resolve("missing.avi");
    assertBadInput("depth-exp", "1", missing, missing + ": no such file");
  }

  @Test
  void unreadableVideoIsOneLineExitTwoAndNoOutput() throws IOException {
    Path text = Files.writeString(dir.resolve("text.avi"), "not a video\n");
    assertBadInput("depth-exp", "1", text, text + ": not a readable video");
  }

  private void assertBadInput(String name, String severity, Path input, String message)
      throws IOException {
    Path out = dir.resolve("out").resolve("result.avi");
    Files.createDirectories(out.getParent());

    CommandLineCapture run = CommandLineCapture.run("perturb", input.toString(), "--name", name,
        "--severity", severity, "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).contains(message).doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
    try (Stream<Path> left = Files.list(out.getParent())) {
      assertThat(left).isEmpty();
    }
  }
}
