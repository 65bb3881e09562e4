package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.video.Quantisation;
import echobench.harness.video.VideoReader;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Clip;
import echobench.perturb.PerturbationSpec;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.perturb.SectorGeometry;
import echobench.perturb.Seeds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
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

  /**
   * A clip with a fan of apex (40, 2), edges ±40° and radius 58 filled with speckle that changes
   * every frame, black outside except for a static white label in the top-left corner.
   */
  private Clip writeFanVideo(String name) {
    int h = 64;
    int w = 80;
    int frames = 4;
    SectorGeometry fan = new SectorGeometry(40, 2, Math.toRadians(40), 58);
    SplittableRandom random = new SplittableRandom(5);
    float[] data = new float[frames * h * w];
    for (int t = 0; t < frames; t++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int level = fan.contains(x, y) ? 30 + random.nextInt(200) : x < 12 && y < 6 ? 240 : 0;
          data[(t * h + y) * w + x] = Quantisation.toUnit(level);
        }
      }
    }
    Clip fanClip = new Clip(data, 1, frames, h, w, 30, name);
    VideoWriter.write(fanClip, dir.resolve(name + ".avi"));
    return fanClip;
  }

  @Test
  void videoOutputHoldsTheWholePerturbedClipLosslessly() {
    Path out = dir.resolve("shadowed.avi");
    Clip fanClip = writeFanVideo("fan");
    Path fanVideo = dir.resolve("fan.avi");

    CommandLineCapture run = CommandLineCapture.run("perturb", fanVideo.toString(), "--name",
        "shadow-gauss", "--severity", "3", "--seed", "7", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("shadowed.avi");
    Clip expected = Perturbations.parse("shadow-gauss", 3)
        .apply(fanClip, ScanMask.automatic(fanClip), Seeds.forVideo(7, "fan", "shadow-gauss"));
    Clip back = VideoReader.read(out);
    assertThat(back.frames()).isEqualTo(4);
    for (int i = 0; i < back.data().length; i++) {
      assertThat(back.data()[i]).isEqualTo(Quantisation.quantise(expected.data()[i]));
    }
  }

  @Test
  void showMaskDrawsTheFittedFanOnTheFirstFrame() throws IOException {
    Clip fanClip = writeFanVideo("preview");
    Path preview = dir.resolve("mask.png");

    Path input = dir.resolve("preview.avi");
    CommandLineCapture run = CommandLineCapture.run("perturb", input.toString(), "--name", "gain",
        "--severity", "1", "--out", dir.resolve("gain.png").toString(),
        "--show-mask", preview.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    ScanMask mask = ScanMask.automatic(fanClip);
    assertThat(run.out()).contains("mask.png (auto mask: apex (");
    BufferedImage png = ImageIO.read(preview.toFile());
    assertThat(png.getWidth()).isEqualTo(80);
    int yellow = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 80; x++) {
        int rgb = png.getRGB(x, y) & 0xFFFFFF;
        boolean outline = mask.contains(x, y)
            && (x == 0 || x == 79 || !mask.contains(x - 1, y) || !mask.contains(x + 1, y));
        if (outline && x > 0 && x < 79) {
          assertThat(rgb).as("outline (%d, %d)", x, y).isEqualTo(0xFFE600);
          yellow++;
        }
      }
    }
    assertThat(yellow).isGreaterThan(80);
    // far from the fan and its drawing the frame shows through: the white label, the black corner
    assertThat(png.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xF0F0F0);
    assertThat(png.getRGB(2, 60) & 0xFFFFFF).isZero();
  }

  @Test
  void aClipWithoutAFanIsOneLineExitTwoWithAutoMask() throws IOException {
    assertBadInput("depth-exp", "1", video, video + ": input: no ultrasound fan found (");
    Clip black = new Clip(new float[3 * 32 * 48], 1, 3, 32, 48, 30, "black");
    Path blackVideo = dir.resolve("black.avi");
    VideoWriter.write(black, blackVideo);
    assertBadInput("gain", "2", blackVideo, blackVideo + ": black: no ultrasound fan found (");
    Clip one = new Clip(Arrays.copyOf(clip.data(), 32 * 48), 1, 1, 32, 48, 30, "one");
    Path oneVideo = dir.resolve("one.avi");
    VideoWriter.write(one, oneVideo);
    assertBadInput("gain", "2", oneVideo, oneVideo + ": one: no ultrasound fan found (one frame");
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
