package echobench.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.io.InputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The five EchoJEPA presets equal their DESIGN §3.1 formulas at hand-chosen pixels. */
class PresetMapsTest {
  private static final int H = 81;
  private static final int W = 101; // odd, so x = 50 is exactly xn = 0.5
  private static final Clip ONES = TestClips.constant(1, 2, H, W, 1f);
  private static final ScanMask FULL = ScanMask.full(H, W);
  private static final long SEED = 42;

  private static float at(String name, int severity, int x, int y) {
    return Perturbations.parse(name, severity).apply(ONES, FULL, SEED).get(0, 1, y, x);
  }

  @Test
  void depthExpSeverityTwoAtBottomCentreIsExpMinusOnePointFive() {
    assertThat(at("depth-exp", 2, 50, H - 1)).isCloseTo((float) Math.exp(-1.5), within(1e-6f));
    assertThat(at("depth-exp", 2, 50, 0)).isEqualTo(1f);
  }

  @Test
  void depthExpMatchesTheUsaugmentDistanceEverywhereChecked() {
    // bottom-left corner: xn = 0, yn = 1 → d = sqrt(0.25 + 1) = 1.1180
    assertThat(at("depth-exp", 1, 0, H - 1))
        .isCloseTo((float) Math.exp(-0.75 * Math.sqrt(1.25)), within(1e-6f));
    // top-right corner: xn = 1, yn = 0 → d = 0.5; severity 3, γ = 2.15 → 0.3413
    assertThat(at("depth-exp", 3, W - 1, 0)).isCloseTo((float) Math.exp(-2.15 * 0.5), within(1e-6f));
    assertThat(at("depth-exp", 3, W - 1, 0)).isCloseTo(0.341f, within(1e-3f));
  }

  @Test
  void depthLinearIsOneMinusAlphaRowOverHeight() {
    // severity 3 (α = 0.7) at row 40 of 81: 1 − 0.7·40/81
    assertThat(at("depth-linear", 3, 7, 40)).isCloseTo((float) (1 - 0.7 * 40 / 81.0), within(1e-6f));
    assertThat(at("depth-linear", 1, 7, 80)).isCloseTo((float) (1 - 0.3 * 80 / 81.0), within(1e-6f));
  }

  @Test
  void depthPowerIsOneMinusRowFractionToTheGamma() {
    // severity 2 (γ = 1.5) at row 60: 1 − (60/81)^1.5
    assertThat(at("depth-power", 2, 3, 60))
        .isCloseTo((float) (1 - Math.pow(60 / 81.0, 1.5)), within(1e-6f));
    assertThat(at("depth-power", 1, 3, 0)).isEqualTo(1f);
  }

  @Test
  void gaussianShadowCentreIsDrawnInOrderAndDarkensByTheStrength() {
    SplittableRandom r = new SplittableRandom(SEED);
    int muX = (int) Math.floor((0.2 + 0.6 * r.nextDouble()) * W);
    int muY = (int) Math.floor((0.2 + 0.6 * r.nextDouble()) * H);
    assertThat(GaussianShadow.centre(H, W, SEED)).containsExactly(muX, muY);
    for (int s = 1; s <= 3; s++) {
      double strength = new double[] {0, 0.4, 0.6, 0.8}[s];
      double sigma = new double[] {0, 0.15, 0.20, 0.25}[s];
      assertThat(at("shadow-gauss", s, muX, muY)).isCloseTo((float) (1 - strength), within(1e-6f));
      int x = muX + 9;
      int y = muY - 5;
      double g = 81 / (2 * sigma * W * sigma * W) + 25 / (2 * sigma * H * sigma * H);
      assertThat(at("shadow-gauss", s, x, y)).isCloseTo((float) (1 - strength * Math.exp(-g)),
          within(1e-6f));
    }
  }

  @Test
  void bandShadowIsBlackAtItsCentreColumnOnEveryRow() {
    double x0 = new SplittableRandom(SEED).nextDouble() * W;
    int x = 13;
    double sigma = 0.2 * W;
    float expected = (float) (1 - Math.exp(-(x - x0) * (x - x0) / (2 * sigma * sigma)));
    assertThat(at("shadow-band", 2, x, 0)).isCloseTo(expected, within(1e-6f));
    assertThat(at("shadow-band", 2, x, H - 1)).isCloseTo(expected, within(1e-6f));
    int nearest = (int) Math.round(x0);
    assertThat(at("shadow-band", 1, Math.min(nearest, W - 1), 30)).isLessThan(0.02f);
  }

  @Test
  void theShadowCentreIsTheSameAtEverySeverity() {
    Clip out1 = Perturbations.parse("shadow-gauss", 1).apply(ONES, FULL, SEED);
    Clip out3 = Perturbations.parse("shadow-gauss", 3).apply(ONES, FULL, SEED);
    assertThat(argMin(out1.data(), H * W)).isEqualTo(argMin(out3.data(), H * W));
  }

  @Test
  void severityBeyondThePresetRangeIsAnError() {
    assertThatThrownBy(() -> Perturbations.parse("depth-exp", 4))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("severity 4")
        .hasMessageContaining("depth-exp");
    assertThatThrownBy(() -> Perturbations.parse("shadow-gauss", -1))
        .isInstanceOf(InputException.class);
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Perturbations.parse("depth-exq", 1))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown perturbation 'depth-exq'")
        .hasMessageContaining("depth-exp");
  }

  @Test
  void compositionAppliesThePartsInOrderWithDerivedSeeds() {
    Clip input = TestClips.staticTexture(1, 3, H, W, 7);
    Perturbation both = Perturbations.parse("depth-exp+shadow-gauss", 2);
    Clip expected =
        Perturbations.parse("shadow-gauss", 2)
            .apply(
                Perturbations.parse("depth-exp", 2)
                    .apply(input, FULL, Seeds.derive(SEED, "0", "depth-exp")),
                FULL,
                Seeds.derive(SEED, "1", "shadow-gauss"));
    assertThat(both.name()).isEqualTo("depth-exp+shadow-gauss");
    assertThat(both.apply(input, FULL, SEED).data()).containsExactly(expected.data());
  }

  @Test
  void multiplierMapsLeavePixelsOutsideTheSectorUntouched() {
    ScanMask sector = ScanMask.sector(H, W, SectorGeometry.echoJepaDefault(H, W));
    Clip input = TestClips.staticTexture(3, 2, H, W, 3);
    for (String name : new String[] {"depth-exp", "depth-linear", "depth-power", "shadow-gauss",
        "shadow-band"}) {
      Clip out = Perturbations.parse(name, 3).apply(input, sector, SEED);
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            if (!sector.contains(x, y)) {
              assertThat(out.get(c, 1, y, x)).as(name).isEqualTo(input.get(c, 1, y, x));
            }
          }
        }
      }
    }
  }

  @Test
  void oneInstanceSwitchingBetweenScanMasksMatchesAFreshInstanceEachTime() {
    Clip input = TestClips.staticTexture(1, 3, H, W, 7);
    ScanMask sector = ScanMask.sector(H, W, SectorGeometry.echoJepaDefault(H, W));
    for (String name : new String[] {"depth-exp", "depth-power", "shadow-gauss"}) {
      Perturbation reused = Perturbations.parse(name, 3);
      for (ScanMask mask : new ScanMask[] {sector, FULL, sector, sector, FULL}) {
        float[] expected = Perturbations.parse(name, 3).apply(input, mask, SEED).data();
        assertThat(reused.apply(input, mask, SEED).data()).as(name).isEqualTo(expected);
      }
    }
  }

  private static int argMin(float[] data, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (data[i] < data[best]) {
        best = i;
      }
    }
    return best;
  }
}
