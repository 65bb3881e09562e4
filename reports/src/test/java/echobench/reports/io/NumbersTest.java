package echobench.reports.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void plainTextWithoutExponentOrTrailingZeros() {
    assertThat(Numbers.plain(4.87)).isEqualTo("4.87");
    assertThat(Numbers.plain(12.0)).isEqualTo("12");
    assertThat(Numbers.plain(-0.0)).isEqualTo("0");
    assertThat(Numbers.plain(1e-7)).isEqualTo("0.0000001");
    assertThat(Numbers.plain(2.5e10)).isEqualTo("25000000000");
  }

  @Test
  void everyDoubleReadsBackExactly() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 10_000; i++) {
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 12));
      assertThat(Numbers.parse(Numbers.plain(v))).isEqualTo(v);
    }
  }

  @Test
  void parsingIsStrict() {
    assertThat(Numbers.parse("1e-3")).isEqualTo(0.001);
    assertThatThrownBy(() -> Numbers.parse("NaN")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Numbers.parse("4,87")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Numbers.parse("1e999")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> Numbers.plain(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
