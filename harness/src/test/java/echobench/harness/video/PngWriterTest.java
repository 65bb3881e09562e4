package echobench.harness.video;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.perturb.Clip;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
  @TempDir Path dir;

  @Test
  void greyFrameStaysEightBitGreyAndEqualsTheQuantisedFrame() throws IOException {
    Clip clip = TestClips.noise(1, 3, 9, 11, 4);
    Path file = dir.resolve("frame.png");

    PngWriter.writeFrame(clip, 2, file);

    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(png.getColorModel().getPixelSize()).isEqualTo(8);
    for (int y = 0; y < 9; y++) {
      for (int x = 0; x < 11; x++) {
        assertThat(png.getRaster().getSample(x, y, 0))
            .isEqualTo(Quantisation.toLevel(clip.get(0, 2, y, x)));
      }
    }
  }

  @Test
  void colourFrameIsRgbInChannelOrder() throws IOException {
    Clip clip = TestClips.noise(3, 1, 5, 6, 9);
    Path file = dir.resolve("colour.png");

    PngWriter.writeFrame(clip, 0, file);

    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getColorModel().getNumComponents()).isEqualTo(3);
    int rgb = png.getRGB(4, 3);
    assertThat((rgb >> 16) & 0xFF).isEqualTo(Quantisation.toLevel(clip.get(0, 0, 3, 4)));
    assertThat((rgb >> 8) & 0xFF).isEqualTo(Quantisation.toLevel(clip.get(1, 0, 3, 4)));
    assertThat(rgb & 0xFF).isEqualTo(Quantisation.toLevel(clip.get(2, 0, 3, 4)));
  }

  @Test
  void sheetPlacesLabelledTilesSideBySide() throws IOException {
    Clip a = TestClips.noise(1, 1, 20, 30, 1);
    Clip b = TestClips.noise(1, 1, 20, 30, 2);
    Path file = dir.resolve("sheet.png");

    PngWriter.writeSheet(List.of(new SheetTile("s0", a, 0), new SheetTile("s1", b, 0)), file);

    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(png.getWidth()).isEqualTo(30 + 2 + 30);
    int top = png.getHeight() - 20;
    assertThat(top).isPositive();
    assertThat(png.getRaster().getSample(5, top + 7, 0))
        .isEqualTo(Quantisation.toLevel(a.get(0, 0, 7, 5)));
    assertThat(png.getRaster().getSample(32 + 5, top + 7, 0))
        .isEqualTo(Quantisation.toLevel(b.get(0, 0, 7, 5)));
    long litLabelPixels = 0;
    for (int y = 0; y < top; y++) {
      for (int x = 0; x < 30; x++) {
        litLabelPixels += png.getRaster().getSample(x, y, 0) > 128 ? 1 : 0;
      }
    }
    assertThat(litLabelPixels).as("the label is drawn").isPositive();
  }
}
