package echobench.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.io.InputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fan detection on clips drawn like scanner exports, with known geometry (issue 17). */
class FanDetectorTest {
  private static final double PIXELS = 2;
  private static final double DEGREES = Math.toRadians(2);

  @Test
  void colourExportWithEveryOverlayGivesTheTrueSectorAndNoOverlayOutsideIt() {
    int h = 180;
    int w = 220;
    SectorGeometry truth =
        new SectorGeometry(104.3, 12, Math.toRadians(-38), Math.toRadians(42), 0, 135);
    ScannerClip scanner = new ScannerClip(3, 8, h, w, truth, 1)
        .ecg(155)
        .text(2, 2, 40, 10)
        .text(w - 45, 2, 40, 10)
        .text(2, h - 30, 30, 8)
        .depthTicks()
        .colourBar(w - 8, 30, 6, 80)
        .doppler(95, 70, 24, 20);
    Clip clip = scanner.clip("a4c");

    SectorGeometry fit = FanDetector.fit(clip);

    assertSameGeometry(fit, truth);
    ScanMask mask = ScanMask.automatic(clip);
    ScanMask exact = ScanMask.sector(h, w, truth);
    int overlaysOutside = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (scanner.overlay(x, y) && !exact.contains(x, y)) {
          overlaysOutside++;
          assertThat(mask.contains(x, y)).as("overlay pixel (%d, %d)", x, y).isFalse();
        }
        if (scanner.dark(x, y)) {
          assertThat(mask.contains(x, y)).as("cavity or shadow pixel (%d, %d)", x, y).isTrue();
        }
      }
    }
    assertThat(overlaysOutside).isGreaterThan(1000);
    assertThat(mismatch(mask, exact)).isLessThan(0.01);
  }

  @Test
  void everyPerturbationLeavesEveryPixelOutsideTheFittedFanBitIdentical() {
    int h = 120;
    int w = 150;
    SectorGeometry truth = new SectorGeometry(75, 5, Math.toRadians(40), 100);
    Clip clip = new ScannerClip(3, 6, h, w, truth, 2)
        .ecg(100).text(2, 2, 30, 8).colourBar(w - 6, 20, 5, 60).doppler(68, 50, 14, 12)
        .clip("overlays");
    ScanMask mask = ScanMask.automatic(clip);
    for (PerturbationSpec spec : Perturbations.all()) {
      Clip out = spec.at(spec.maxSeverity()).apply(clip, mask, 99);
      if (out.frames() != clip.frames()) {
        continue; // frame-drop moves whole frames; its outside pixels are other frames' pixels
      }
      for (int i = 0; i < clip.data().length; i++) {
        if (!mask.contains(i % clip.planeSize())) {
          assertThat(out.data()[i]).as("%s voxel %d", spec.name(), i).isEqualTo(clip.data()[i]);
        }
      }
    }
  }

  @Test
  void greyFanWithTheApexAboveTheFrameAndThinMovingTrace() {
    int h = 150;
    int w = 200;
    SectorGeometry truth =
        new SectorGeometry(100, -30, Math.toRadians(-33), Math.toRadians(33), 0, 160);
    ScannerClip scanner = new ScannerClip(1, 6, h, w, truth, 3).ecg(132).text(2, 2, 25, 8);
    SectorGeometry fit = FanDetector.fit(scanner.clip("above"));

    assertThat(fit.apexX()).isCloseTo(truth.apexX(), within(PIXELS));
    assertThat(fit.apexY()).isCloseTo(truth.apexY(), within(PIXELS));
    assertThat(fit.leftAngle()).isCloseTo(truth.leftAngle(), within(DEGREES));
    assertThat(fit.rightAngle()).isCloseTo(truth.rightAngle(), within(DEGREES));
    assertThat(fit.radius()).isCloseTo(truth.radius(), within(PIXELS));
    // the near arc is above the frame: every in-frame pixel of the fan is inside either way
    assertThat(mismatch(ScanMask.sector(h, w, fit), ScanMask.sector(h, w, truth)))
        .isLessThan(0.01);
  }

  @Test
  void curvedNearArcOfACurvilinearProbeIsFitted() {
    SectorGeometry truth =
        new SectorGeometry(110, -60, Math.toRadians(-30), Math.toRadians(30), 85, 230);
    SectorGeometry fit = FanDetector.fit(new ScannerClip(1, 6, 180, 220, truth, 4).clip("curved"));

    assertSameGeometry(fit, truth);
  }

  @Test
  void echoNetCropWhoseFanFillsTheFrame() {
    // EchoNet-Dynamic's 112×112 crops: apex at the top centre, edges leave through the sides and
    // the far arc lies below the frame
    SectorGeometry truth = new SectorGeometry(56, 0, Math.toRadians(-45), Math.toRadians(45), 0,
        130);
    ScanMask mask = ScanMask.automatic(new ScannerClip(1, 16, 112, 112, truth, 5).clip("echonet"));

    SectorGeometry fit = mask.geometry();
    assertThat(fit.apexX()).isCloseTo(truth.apexX(), within(PIXELS));
    assertThat(fit.apexY()).isCloseTo(truth.apexY(), within(PIXELS));
    assertThat(fit.leftAngle()).isCloseTo(truth.leftAngle(), within(DEGREES));
    assertThat(fit.rightAngle()).isCloseTo(truth.rightAngle(), within(DEGREES));
    assertThat(mismatch(mask, ScanMask.sector(112, 112, truth))).isLessThan(0.01);
    assertThat(mask.contains(0, 0)).isFalse();
    assertThat(mask.contains(111, 0)).isFalse();
    assertThat(mask.contains(0, 111)).isTrue();
  }

  @Test
  void linearProbeRectangleIsFittedWithParallelEdges() {
    int h = 120;
    int w = 160;
    boolean[] truth = new boolean[h * w];
    SplittableRandom random = new SplittableRandom(6);
    int frames = 5;
    float[] d = new float[frames * h * w];
    for (int t = 0; t < frames; t++) {
      for (int y = 10; y <= 105; y++) {
        for (int x = 30; x <= 129; x++) {
          truth[y * w + x] = true;
          d[(t * h + y) * w + x] = (float) (0.1 + 0.8 * random.nextDouble());
        }
      }
    }
    ScanMask mask = ScanMask.automatic(new Clip(d, 1, frames, h, w, 25, "linear"));

    assertThat(mismatch(mask, ScanMask.of(truth, h, w))).isLessThan(0.005);
    SectorGeometry fit = mask.geometry();
    assertThat(fit.rightAngle() - fit.leftAngle()).isLessThan(Math.toRadians(1));
    assertThat(fit.radius() - fit.nearRadius()).isCloseTo(96, within(PIXELS));
  }

  @Test
  void movingContentThatIsNotAFanIsRefusedInOneLine() {
    int h = 100;
    int w = 100;
    SplittableRandom random = new SplittableRandom(7);
    float[] d = new float[4 * h * w];
    for (int t = 0; t < 4; t++) {
      for (int p = 0; p < h * w; p++) {
        if (Math.hypot(p % w - 50, p / w - 50) < 35) {
          d[t * h * w + p] = (float) (0.1 + 0.8 * random.nextDouble());
        }
      }
    }
    assertNoFan(new Clip(d, 1, 4, h, w, 25, "disc"), "disc: no ultrasound fan found (");
  }

  @Test
  void oneFrameBlackOrStaticClipsAreRefusedInOneLine() {
    SectorGeometry fan = new SectorGeometry(40, 0, Math.toRadians(40), 70);
    assertNoFan(new ScannerClip(1, 1, 80, 80, fan, 8).clip("single"),
        "single: no ultrasound fan found (one frame");
    assertNoFan(new Clip(new float[3 * 4 * 80 * 80], 3, 4, 80, 80, 25, "black"),
        "black: no ultrasound fan found (no moving grey pixels");
    Clip still = TestClips.staticTexture(1, 4, 80, 80, 9);
    assertNoFan(still, still.sourceId() + ": no ultrasound fan found (no moving grey pixels");
    Clip overlaysOnly = new ScannerClip(3, 4, 80, 80, fan, 10)
        .ecg(60).text(2, 2, 20, 8).clip("overlays-only");
    float[] d = overlaysOnly.data().clone();
    for (int i = 0; i < d.length; i++) {
      int p = i % (80 * 80);
      if (fan.contains(p % 80, p / 80) && d[i] != 0.85f && d[i] != 0.1f && d[i] != 0.2f) {
        d[i] = 0;
      }
    }
    assertNoFan(overlaysOnly.withData(d), "overlays-only: no ultrasound fan found (");
  }

  private static void assertNoFan(Clip clip, String start) {
    assertThatThrownBy(() -> ScanMask.automatic(clip))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(start)
        .hasMessageContaining("use the full-frame mask")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static void assertSameGeometry(SectorGeometry fit, SectorGeometry truth) {
    assertThat(fit.apexX()).as("apex x").isCloseTo(truth.apexX(), within(PIXELS));
    assertThat(fit.apexY()).as("apex y").isCloseTo(truth.apexY(), within(PIXELS));
    assertThat(fit.leftAngle()).as("left edge").isCloseTo(truth.leftAngle(), within(DEGREES));
    assertThat(fit.rightAngle()).as("right edge").isCloseTo(truth.rightAngle(), within(DEGREES));
    assertThat(fit.nearRadius()).as("near radius").isCloseTo(truth.nearRadius(), within(PIXELS));
    assertThat(fit.radius()).as("far radius").isCloseTo(truth.radius(), within(PIXELS));
  }

  /** Share of the frame where the two masks disagree. */
  private static double mismatch(ScanMask a, ScanMask b) {
    int n = 0;
    for (int p = 0; p < a.height() * a.width(); p++) {
      n += a.contains(p) == b.contains(p) ? 0 : 1;
    }
    return n / (double) (a.height() * a.width());
  }
}
