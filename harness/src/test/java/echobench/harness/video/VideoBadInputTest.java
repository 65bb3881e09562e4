package echobench.harness.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoBadInputTest {
  @TempDir Path dir;

  @Test
  void missingFile() {
    Path file = dir.resolve("absent.avi");

    assertThatThrownBy(() -> VideoReader.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void zeroByteFile() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.avi"));

    assertThatThrownBy(() -> VideoReader.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a readable video (empty file)");
  }

  @Test
  void textFileNamedAvi() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.avi"), "these are not the frames you seek\n");

    assertThatThrownBy(() -> VideoReader.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": not a readable video (");
  }

  @Test
  void truncatedVideo() throws IOException {
    Path file = dir.resolve("cut.avi");
    VideoWriter.write(TestClips.noise(1, 20, 16, 16, 5), file);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> VideoReader.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": not a readable video (");
  }

  @Test
  void truncatedMatroska() throws IOException {
    Path file = dir.resolve("cut.mkv");
    VideoWriter.write(TestClips.noise(1, 20, 16, 16, 5), file);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> VideoReader.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": not a readable video (");
  }

  @Test
  void videoWithNoFrames() throws Exception {
    Path file = dir.resolve("hollow.avi");
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 16, 16, 0)) {
      recorder.setFormat("avi");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
      recorder.start();
      recorder.stop();
    }

    assertThatThrownBy(() -> VideoReader.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a readable video (no frames)");
    assertThatThrownBy(() -> VideoReader.probe(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a readable video (no frames)");
  }

  @Test
  void oddWidthIsRefusedAndLeavesNoFile() throws IOException {
    Path file = dir.resolve("odd.mkv");

    assertThatThrownBy(() -> VideoWriter.write(TestClips.noise(1, 2, 8, 9, 1), file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": cannot write a video 9 pixels wide");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void unknownSuffixAndMissingDirectoryAreBadInput() {
    assertThatThrownBy(() -> VideoWriter.write(TestClips.noise(1, 1, 8, 8, 1), dir.resolve("a.mov")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("a.mov: unknown video suffix");
    Path nowhere = dir.resolve("no/such/dir/a.avi");
    assertThatThrownBy(() -> VideoWriter.write(TestClips.noise(1, 1, 8, 8, 1), nowhere))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(nowhere + ": cannot write");
  }

  @Test
  void headerDeclaringAHugeFrameIsRefusedBeforeDecoding() throws IOException {
    Path file = CraftedHeaders.aviDeclaring(dir.resolve("huge.avi"), 16000, 16000);

    assertThatThrownBy(() -> VideoReader.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a readable video (frame size 16000×16000 exceeds the limit of"
            + " 4096×4096)");
    assertThatThrownBy(() -> VideoReader.probe(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("16000×16000 exceeds");
  }

  @Test
  void aRealFrameOneStepBeyondTheSideLimitIsRefused() throws IOException {
    Path file = dir.resolve("wide.avi");
    VideoWriter.write(TestClips.noise(1, 1, 2, VideoReader.MAX_SIDE + 2, 1), file);

    assertThatThrownBy(() -> VideoReader.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a readable video (frame size 4098×2 exceeds the limit of"
            + " 4096×4096)");
  }

  @Test
  void clipBoundIsFramesTimesPixels() {
    Path file = dir.resolve("long.avi");
    // 2^27 pixels: 170 frames of 1024×768 are 133,693,440, 171 frames 134,479,872.
    VideoReader.requireFits(file, 170, 1024, 768);
    assertThatThrownBy(() -> VideoReader.requireFits(file, 171, 1024, 768))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a readable video (171 frames of 1024×768 exceed the limit of"
            + " 134217728 decoded pixels)");
    assertThatThrownBy(() -> VideoReader.requireFits(file, 1, 46341, 46341))
        .isInstanceOf(InputException.class);
  }
}
