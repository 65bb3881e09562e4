package echobench.harness.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.data.EchoView;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.EchoSimulator;
import echobench.harness.synth.Subject;
import echobench.perturb.Clip;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code codec-h264} and its H.264 round trip on small simulated echo clips. */
class CodecH264Test {
  private static final long SEED = 17;

  /** A simulated apical four-chamber clip on the 8-bit grid: exact through a lossless file. */
  static Clip echo(int size, int frames) {
    Subject subject = Cohort.ADULT.drawSubject("codec", new SplittableRandom(3));
    Clip clip = new EchoSimulator(size, frames, 25).simulate(subject,
        Cohort.ADULT.drawAcquisition(subject, EchoView.A4C, new SplittableRandom(4))).clip();
    float[] levels = clip.data().clone();
    for (int i = 0; i < levels.length; i++) {
      levels[i] = Quantisation.quantise(levels[i]);
    }
    return clip.withData(levels);
  }

  /** PSNR in dB of {@code b} against {@code a}, on the 8-bit scale. */
  static double psnr(Clip a, Clip b) {
    double sum = 0;
    for (int i = 0; i < a.data().length; i++) {
      double d = (a.data()[i] - b.data()[i]) * 255.0;
      sum += d * d;
    }
    return 10 * Math.log10(255.0 * 255.0 / (sum / a.data().length));
  }

  @Test
  void severityOneChangesALosslessClipAtTheQualityOfCrf18() {
    Clip clip = echo(48, 6);
    Clip out = apply(1, clip);
    assertThat(out.data()).isNotEqualTo(clip.data());
    double psnr = psnr(clip, out);
    assertThat(psnr).isFinite().isGreaterThan(30);
    for (float v : out.data()) {
      assertThat(Quantisation.quantise(v)).isEqualTo(v);
    }
  }

  @Test
  void everyHigherSeverityLosesMoreOfTheClip() {
    Clip clip = echo(48, 6);
    double previous = Double.POSITIVE_INFINITY;
    for (int s = 1; s <= CodecH264.SPEC.maxSeverity(); s++) {
      double psnr = psnr(clip, apply(s, clip));
      assertThat(psnr).as("severity %d", s).isLessThan(previous);
      previous = psnr;
    }
    assertThat(previous).as("severity 5 is visibly degraded").isLessThan(25);
  }

  @Test
  void theSameClipGivesBitIdenticalOutput() {
    Clip clip = echo(48, 6);
    assertThat(apply(2, clip).data()).isEqualTo(apply(2, clip).data());
  }

  @Test
  void greyStaysGreyColourStaysColourAndOddSizesKeepTheirShape() {
    Clip colour = TestClips.noise(3, 3, 17, 21, 5);
    Clip out = apply(1, colour);
    assertThat(out.channels()).isEqualTo(3);
    assertThat(out.frames()).isEqualTo(3);
    assertThat(out.height()).isEqualTo(17);
    assertThat(out.width()).isEqualTo(21);
    assertThat(out.fps()).isEqualTo(colour.fps());
    Clip grey = TestClips.gradient(4, 33, 35);
    Clip greyOut = apply(1, grey);
    assertThat(greyOut.channels()).isEqualTo(1);
    assertThat(greyOut.data()).hasSameSizeAs(grey.data());
    assertThat(psnr(grey, greyOut)).isGreaterThan(35);
  }

  @Test
  void theTemporaryFolderIsRemovedAfterEveryPass(@TempDir Path root) throws IOException {
    Clip clip = echo(32, 4);
    Clip out = new H264RoundTrip(root).apply(clip, 28);
    assertThat(out.data()).hasSameSizeAs(clip.data());
    assertThat(entries(root)).isZero();
  }

  @Test
  void whenTheEncoderFailsTheFolderIsRemovedAndOneLineNamesTheClip(@TempDir Path root)
      throws IOException {
    // OpenH264 refuses frames smaller than one 16×16 macroblock.
    Clip tiny = new Clip(new float[2 * 8 * 8], 1, 2, 8, 8, 25, "tiny-clip");
    assertThatThrownBy(() -> new H264RoundTrip(root).apply(tiny, 28))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("codec-h264: clip tiny-clip: H.264 encoding failed")
        .hasMessageContaining("at least 16×16")
        .hasMessageNotContaining("\n");
    assertThat(entries(root)).isZero();
  }

  @Test
  void aQuantiserOutsideH264sRangeIsRefused(@TempDir Path root) throws IOException {
    assertThatThrownBy(() -> new H264RoundTrip(root).apply(echo(32, 2), 52))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(entries(root)).isZero();
  }

  private static Clip apply(int severity, Clip clip) {
    return Perturbations.parse("codec-h264", severity)
        .apply(clip, ScanMask.full(clip.height(), clip.width()), SEED);
  }

  private static long entries(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }
}
