package echobench.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Geometric and automatic scan masks (DESIGN §2). */
class ScanMaskTest {
  private static final int H = 96;
  private static final int W = 112;
  private static final SectorGeometry FAN =
      new SectorGeometry(W / 2.0, 4, Math.toRadians(40), 85);

  @Test
  void fillOutsideSetsExactlyThePixelsOutsideIncludingRunsAtTheEdgesAndAcrossRows() {
    int h = 7;
    int w = 9;
    SplittableRandom random = new SplittableRandom(3);
    boolean[] inside = new boolean[h * w];
    for (int p = 0; p < inside.length; p++) {
      inside[p] = random.nextDouble() < 0.5;
    }
    inside[0] = false; // a run starting the plane
    inside[inside.length - 1] = false; // and one ending it
    ScanMask mask = ScanMask.of(inside, h, w);
    float[] plane = new float[h * w];
    for (int p = 0; p < plane.length; p++) {
      plane[p] = p * 0.01f;
    }
    mask.fillOutside(plane, -1f);
    for (int p = 0; p < plane.length; p++) {
      assertThat(plane[p]).as("pixel %d", p).isEqualTo(inside[p] ? p * 0.01f : -1f);
    }
    assertThatThrownBy(() -> mask.fillOutside(new float[h * w - 1], 0f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plane has 62 values");
  }

  @Test
  void geometricSectorUsesAngleFromVerticalAndRadius() {
    ScanMask m = ScanMask.sector(H, W, FAN);
    assertThat(m.contains(56, 50)).isTrue(); // straight down the centre line
    assertThat(m.contains(56, 88)).isTrue(); // r = 84 ≤ 85
    assertThat(m.contains(56, 91)).isFalse(); // r = 87 > 85
    // 45° from vertical is outside a 40° half-angle; 35° is inside
    assertThat(m.contains(56 + 30, 4 + 30)).isFalse();
    int dx = (int) Math.round(40 * Math.sin(Math.toRadians(35)));
    int dy = (int) Math.round(40 * Math.cos(Math.toRadians(35)));
    assertThat(m.contains(56 + dx, 4 + dy)).isTrue();
    assertThat(m.contains(0, 0)).isFalse();
  }

  @Test
  void echoJepaDefaultSectorIsApexTopCentreSeventyFiveDegrees() {
    SectorGeometry g = SectorGeometry.echoJepaDefault(112, 112);
    assertThat(g.apexX()).isEqualTo(56.0);
    assertThat(g.apexY()).isEqualTo(0.0);
    assertThat(Math.toDegrees(g.halfAngle())).isCloseTo(75.0, within(1e-9));
    assertThat(g.radius()).isCloseTo(0.95 * Math.hypot(112, 112) / 2, within(1e-9));
  }

  @Test
  void automaticMaskRecoversASpeckledSectorAndDropsStraySpecks() {
    ScanMask truth = ScanMask.sector(H, W, FAN);
    SplittableRandom r = new SplittableRandom(11);
    int t = 4;
    float[] d = new float[t * H * W];
    for (int f = 0; f < t; f++) {
      for (int p = 0; p < H * W; p++) {
        // dark speckle inside the fan: individual frames have holes below the threshold
        d[f * H * W + p] = truth.contains(p) ? (float) (r.nextDouble() < 0.3 ? 0.01 : 0.5) : 0f;
      }
    }
    d[5 * W + 3] = 1f; // an isolated bright speck in the black border (e.g. a text pixel)
    ScanMask auto = ScanMask.automatic(new Clip(d, 1, t, H, W, 30, "fan"));
    int agree = 0;
    for (int p = 0; p < H * W; p++) {
      if (auto.contains(p) == truth.contains(p)) {
        agree++;
      }
    }
    assertThat(agree / (double) (H * W)).isGreaterThan(0.99);
    assertThat(auto.contains(3, 5)).isFalse();
    assertThat(auto.geometry().apexX()).isCloseTo(FAN.apexX(), within(2.0));
    assertThat(auto.geometry().radius()).isCloseTo(FAN.radius(), within(3.0));
  }

  @Test
  void fullMaskContainsEverything() {
    assertThat(ScanMask.full(H, W).count()).isEqualTo(H * W);
  }
}
