package echobench.harness.video;

import echobench.perturb.Clip;
import echobench.perturb.ScanMask;
import echobench.reports.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Writes frames as 8-bit PNG, losslessly after {@link Quantisation}: a grey clip gives a grey PNG
 * ({@link BufferedImage#TYPE_BYTE_GRAY}), a colour clip an RGB one; a frame with its scan-mask
 * outline is RGB. Files are written atomically.
 */
public final class PngWriter {
  private static final int LABEL_HEIGHT = 14;
  private static final int GAP = 2;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private PngWriter() {}

  /** Writes frame {@code frame} of {@code clip} to {@code file}. */
  public static void writeFrame(Clip clip, int frame, Path file) {
    write(image(new SheetTile("", clip, frame)), file);
  }

  /**
   * Writes frame {@code frame} of {@code clip} enlarged {@code scale} times (nearest neighbour,
   * so pixels stay sharp) as an RGB PNG, with the outline of {@code outlined} (when given) drawn
   * one pixel wide in {@code outline}: the pixels inside the mask with a neighbour outside it or
   * on the frame's edge.
   */
  public static void writeEnlargedFrame(Clip clip, int frame, int scale,
      Optional<ScanMask> outlined, Color outline, Path file) {
    outlined.ifPresent(mask -> mask.requireMatches(clip));
    int w = clip.width() * scale;
    int h = clip.height() * scale;
    BufferedImage enlarged = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        enlarged.setRGB(x, y, outlined.isPresent() && edge(outlined.get(), x, y, w, h, scale)
            ? outline.getRGB() : rgb(clip, frame, y / scale, x / scale));
      }
    }
    write(enlarged, file);
  }

  private static boolean edge(ScanMask mask, int x, int y, int w, int h, int scale) {
    return inside(mask, x, y, scale) && (x == 0 || y == 0 || x == w - 1 || y == h - 1
        || !inside(mask, x - 1, y, scale) || !inside(mask, x + 1, y, scale)
        || !inside(mask, x, y - 1, scale) || !inside(mask, x, y + 1, scale));
  }

  /**
   * The packed RGB of one pixel from its levels (a grey clip's level in all three); not through
   * a grey {@link BufferedImage}, whose conversion to RGB would brighten it by a display gamma.
   */
  private static int rgb(Clip clip, int frame, int y, int x) {
    int rgb = 0;
    for (int c = 0; c < 3; c++) {
      int level = Quantisation.toLevel(clip.get(clip.channels() == 1 ? 0 : c, frame, y, x));
      rgb = (rgb << 8) | level;
    }
    return rgb;
  }

  private static boolean inside(ScanMask mask, int x, int y, int scale) {
    return mask.contains(x / scale, y / scale);
  }

  /**
   * Writes {@code tiles} side by side, each under its label, on a black background: one PNG, grey
   * if every tile is grey.
   */
  public static void writeSheet(List<SheetTile> tiles, Path file) {
    if (tiles.isEmpty()) {
      throw new IllegalArgumentException("a contact sheet needs at least one tile");
    }
    int cellWidth = tiles.stream().mapToInt(t -> t.clip().width()).max().orElseThrow();
    int cellHeight = tiles.stream().mapToInt(t -> t.clip().height()).max().orElseThrow();
    boolean grey = tiles.stream().allMatch(t -> t.clip().channels() == 1);
    int width = tiles.size() * cellWidth + (tiles.size() - 1) * GAP;
    BufferedImage sheet = new BufferedImage(
        width, LABEL_HEIGHT + cellHeight,
        grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setColor(Color.WHITE);
      g.setFont(LABEL_FONT);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      int baseline = LABEL_HEIGHT - g.getFontMetrics().getDescent() - 1;
      for (int i = 0; i < tiles.size(); i++) {
        int x = i * (cellWidth + GAP);
        g.setClip(x, 0, cellWidth, LABEL_HEIGHT);
        g.drawString(tiles.get(i).label(), x + 2, baseline);
        g.setClip(null);
        g.drawImage(image(tiles.get(i)), x, LABEL_HEIGHT, null);
      }
    } finally {
      g.dispose();
    }
    write(sheet, file);
  }

  /** The tile's frame as an 8-bit image: grey for one channel, RGB for three. */
  static BufferedImage image(SheetTile tile) {
    Clip clip = tile.clip();
    int w = clip.width();
    int h = clip.height();
    boolean grey = clip.channels() == 1;
    BufferedImage image =
        new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    WritableRaster raster = image.getRaster();
    int[] samples = new int[w];
    for (int c = 0; c < clip.channels(); c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          samples[x] = Quantisation.toLevel(clip.get(c, tile.frame(), y, x));
        }
        raster.setSamples(0, y, w, 1, c, samples);
      }
    }
    return image;
  }

  static void write(BufferedImage image, Path file) {
    AtomicFiles.writeOutput(file, temporary -> {
      if (!ImageIO.write(image, "png", temporary.toFile())) {
        throw new IOException("no PNG writer in this Java runtime");
      }
    });
  }
}
