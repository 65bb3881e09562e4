package echobench.harness.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.perturb.Clip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VideoRoundTripTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"grey.avi", "grey.mkv"})
  void losslessGreyRoundTripIsExact(String name) {
    Clip clip = TestClips.noise(1, 4, 17, 22, 7);
    Path file = dir.resolve(name);
    VideoWriter.write(clip, file);

    Clip back = VideoReader.read(file);

    assertThat(back.channels()).isEqualTo(1);
    assertThat(back.frames()).isEqualTo(4);
    assertThat(back.height()).isEqualTo(17);
    assertThat(back.width()).isEqualTo(22);
    assertThat(back.fps()).isCloseTo(25, within(1e-9));
    assertThat(back.sourceId()).isEqualTo("grey");
    assertThat(back.data()).containsExactly(clip.data());
  }

  @ParameterizedTest
  @ValueSource(strings = {"colour.avi", "colour.mkv"})
  void losslessColourRoundTripIsExact(String name) {
    Clip clip = TestClips.noise(3, 3, 11, 14, 11);
    Path file = dir.resolve(name);
    VideoWriter.write(clip, file);

    Clip back = VideoReader.read(file);

    assertThat(back.channels()).isEqualTo(3);
    assertThat(back.frames()).isEqualTo(3);
    assertThat(back.data()).containsExactly(clip.data());
  }

  @Test
  void valuesOffTheGridAreQuantisedOnce() {
    float[] data = {0f, 0.3f, 1f / 510f, 0.9999f, -0.2f, 1.7f};
    Clip clip = new Clip(data, 1, 1, 3, 2, 30, "q");
    Path file = dir.resolve("q.mkv");
    VideoWriter.write(clip, file);

    float[] back = VideoReader.read(file).data();

    assertThat(back).containsExactly(
        0f, Quantisation.toUnit(77), Quantisation.toUnit(1), 1f, 0f, 1f);
  }

  @Test
  void mp4IsLossyButKeepsShapeRateAndGreyness() {
    Clip clip = TestClips.gradient(6, 32, 48);
    Path file = dir.resolve("lossy.mp4");
    VideoWriter.write(clip, file);

    Clip back = VideoReader.read(file);

    assertThat(back.channels()).isEqualTo(1);
    assertThat(back.frames()).isEqualTo(6);
    assertThat(back.height()).isEqualTo(32);
    assertThat(back.width()).isEqualTo(48);
    assertThat(back.fps()).isCloseTo(25, within(0.01));
    assertThat(TestClips.meanAbsoluteDifference(clip, back)).isLessThan(4 / 255.0);
  }

  @Test
  void mjpegAviReadsBackGreyAndClose() {
    Clip clip = TestClips.gradient(5, 24, 40);
    Path file = dir.resolve("echonet.avi");
    VideoWriter.write(clip, file, VideoCodec.MJPEG);

    Clip back = VideoReader.read(file);

    assertThat(back.channels()).isEqualTo(1);
    assertThat(back.frames()).isEqualTo(5);
    assertThat(TestClips.meanAbsoluteDifference(clip, back)).isLessThan(2 / 255.0);
  }

  @Test
  void readsHandWrittenMonochromeY4m() throws IOException {
    int w = 4;
    int h = 2;
    byte[][] frames = {{0, 10, 20, 30, 40, 50, 60, 70}, {(byte) 255, (byte) 128, 1, 2, 3, 4, 5, 6}};
    Path file = dir.resolve("hand.y4m");
    try (var out = Files.newOutputStream(file)) {
      out.write(("YUV4MPEG2 W" + w + " H" + h + " F30:1 Ip A1:1 Cmono\n")
          .getBytes(StandardCharsets.US_ASCII));
      for (byte[] frame : frames) {
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        out.write(frame);
      }
    }

    Clip clip = VideoReader.read(file);

    assertThat(clip.channels()).isEqualTo(1);
    assertThat(clip.frames()).isEqualTo(2);
    assertThat(clip.fps()).isCloseTo(30, within(1e-9));
    assertThat(clip.get(0, 0, 1, 3)).isEqualTo(Quantisation.toUnit(70));
    assertThat(clip.get(0, 1, 0, 0)).isEqualTo(1f);
    assertThat(clip.get(0, 1, 0, 1)).isEqualTo(Quantisation.toUnit(128));
  }

  @Test
  void windowKeepsEveryStepthFrameFromStart() {
    Clip clip = TestClips.noise(1, 10, 8, 8, 3);
    Path file = dir.resolve("long.mkv");
    VideoWriter.write(clip, file);

    Clip window = VideoReader.read(file, new FrameWindow(1, 3, 2));

    assertThat(window.frames()).isEqualTo(3);
    for (int k = 0; k < 3; k++) {
      for (int p = 0; p < 64; p++) {
        assertThat(window.get(0, k, p / 8, p % 8)).isEqualTo(clip.get(0, 1 + 2 * k, p / 8, p % 8));
      }
    }
  }

  @Test
  void windowRunningPastTheEndGivesTheFramesThatExist() {
    VideoWriter.write(TestClips.noise(1, 5, 8, 8, 3), dir.resolve("short.avi"));

    assertThat(VideoReader.read(dir.resolve("short.avi"), new FrameWindow(2, 16, 2)).frames())
        .isEqualTo(2);
  }

  @Test
  void probeReportsCountRateSizeAndGreyness() {
    VideoWriter.write(TestClips.noise(1, 7, 12, 20, 1), dir.resolve("g.avi"));
    VideoWriter.write(TestClips.noise(3, 3, 12, 20, 1), dir.resolve("c.mkv"));

    assertThat(VideoReader.probe(dir.resolve("g.avi"))).isEqualTo(new VideoInfo(7, 25, 20, 12, true));
    assertThat(VideoReader.probe(dir.resolve("c.mkv")))
        .isEqualTo(new VideoInfo(3, 25, 20, 12, false));
  }

  @Test
  void writingLeavesNoTemporaryFiles() throws IOException {
    VideoWriter.write(TestClips.noise(1, 2, 8, 8, 1), dir.resolve("only.avi"));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("only.avi");
    }
  }
}
