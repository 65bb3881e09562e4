package echobench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapImageTest {
  private static final Color[] STOPS = {Color.BLUE, Color.WHITE, Color.RED};

  @Test
  void theScaleRunsFromBlueThroughWhiteToRedAndClamps() {
    assertThat(HeatmapImage.colour(STOPS, -1)).isEqualTo(Color.BLUE);
    assertThat(HeatmapImage.colour(STOPS, 0)).isEqualTo(Color.WHITE);
    assertThat(HeatmapImage.colour(STOPS, 1)).isEqualTo(Color.RED);
    assertThat(HeatmapImage.colour(STOPS, 7)).isEqualTo(Color.RED);
    // half way from white to red: (255, 127.5 → 128, 128)
    assertThat(HeatmapImage.colour(STOPS, 0.5)).isEqualTo(new Color(255, 128, 128));
  }

  @Test
  void valuesPrintSignedWithOneDecimalAndNoNegativeZero() {
    assertThat(HeatmapImage.signedOneDecimal(12.345)).isEqualTo("+12.3");
    assertThat(HeatmapImage.signedOneDecimal(-0.04)).isEqualTo("0.0");
    assertThat(HeatmapImage.signedOneDecimal(-2.06)).isEqualTo("-2.1");
  }

  @Test
  void aCellIsFilledWithItsValuesColour() throws IOException {
    byte[] png = HeatmapImage.png("t", List.of("model"), List.of("a", "b"),
        new double[][] {{10, Double.NaN}}, STOPS, 10, HeatmapImage::signedOneDecimal);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int red = Color.RED.getRGB() & 0xFFFFFF;
    int reds = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        reds += (image.getRGB(x, y) & 0xFFFFFF) == red ? 1 : 0;
      }
    }
    // the cell at the top of the scale (56 × 28 less its border and printed value), and the
    // top row of the colour bar
    assertThat(reds).isGreaterThan(56 * 28 / 2);
  }
}
