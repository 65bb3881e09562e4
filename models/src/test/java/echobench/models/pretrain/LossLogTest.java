package echobench.models.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loss.csv} is read back through the project's CSV parser, strict about numbers. */
class LossLogTest {
  @TempDir Path dir;

  @Test
  void theLoggedLossesReadBackRoundedToSixDecimals() throws IOException {
    Path file = dir.resolve("loss.csv");
    try (LossLog log = LossLog.open(file, 0)) {
      log.append(new StepOutcome(0, 1.25, 1e-3, Double.NaN));
      log.append(new StepOutcome(1, 0.1234567, 9e-4, 0.5));
    }
    assertThat(LossLog.losses(file)).containsExactly(1.25, 0.123457);
  }

  @Test
  void aLossInJavaOrHexNotationIsRefusedNamingTheLine() throws IOException {
    Path file = Files.writeString(dir.resolve("loss.csv"),
        LossLog.HEADER + "\n0,1.000000,0.001,\n1,0x1p5,0.001,\n");
    assertThatThrownBy(() -> LossLog.losses(file)).isInstanceOf(InputException.class)
        .hasMessage(file + ":3: loss \"0x1p5\" is not a number");
  }
}
