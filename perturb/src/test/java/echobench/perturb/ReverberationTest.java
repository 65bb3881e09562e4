package echobench.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReverberationTest {
  private static final int SIZE = 96;
  private static final SectorGeometry FAN =
      new SectorGeometry((SIZE - 1) / 2.0, 0, Math.toRadians(45), 90);
  private static final ScanMask MASK = ScanMask.sector(SIZE, SIZE, FAN);
  private static final float BACKGROUND = 0.2f;

  /** Grey tissue with one bright one-pixel ring (the interface) at radius 15..16 px. */
  private static final Clip INTERFACE = interfaceAt(15);

  @Test
  void theInterfaceIsFoundAtTheBrightestNearFieldRing() {
    assertThat(Reverberation.interfaceDepth(INTERFACE, SectorPixels.of(MASK))).isEqualTo(15.5);
  }

  @Test
  void echoesAppearAtMultiplesOfTheInterfaceDepthAndNowhereElse() {
    Clip out = Reverberation.SPEC.at(5).apply(INTERFACE, MASK, 0);
    double d = 15.5;
    double second = ringGain(out, 2 * d);
    double third = ringGain(out, 3 * d);
    assertThat(second).isGreaterThan(0.3);
    // each further echo is weaker by the decay factor 0.6
    assertThat(third).isCloseTo(0.6 * second, within(0.05));
    assertThat(ringGain(out, 1.5 * d)).isZero();
    assertThat(ringGain(out, 2.5 * d)).isZero();
    assertThat(ringGain(out, 0.6 * d)).isZero();
  }

  @Test
  void severityOneAddsASingleWeakEcho() {
    Clip out = Reverberation.SPEC.at(1).apply(INTERFACE, MASK, 0);
    assertThat(ringGain(out, 31)).isBetween(0.01, 0.2);
    assertThat(ringGain(out, 46.5)).isZero();
  }

  @Test
  void theFirstEchoStrengthensWithEverySeverity() {
    double previous = 0;
    for (int s = 1; s <= 5; s++) {
      double gain = ringGain(Reverberation.SPEC.at(s).apply(INTERFACE, MASK, 0), 31);
      assertThat(gain).as("severity %d", s).isGreaterThan(previous);
      previous = gain;
    }
  }

  /** Mean intensity added within half a pixel of {@code radius}. */
  private static double ringGain(Clip out, double radius) {
    double sum = 0;
    int n = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        if (MASK.contains(x, y) && Math.abs(FAN.radiusAt(x, y) - radius) < 0.5) {
          sum += out.get(0, 0, y, x) - INTERFACE.get(0, 0, y, x);
          n++;
        }
      }
    }
    assertThat(n).isPositive();
    return sum / n;
  }

  private static Clip interfaceAt(int ring) {
    float[] d = new float[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        d[y * SIZE + x] = (int) Math.floor(FAN.radiusAt(x, y)) == ring ? 0.9f : BACKGROUND;
      }
    }
    return new Clip(d, 1, 1, SIZE, SIZE, 30, "interface");
  }
}
