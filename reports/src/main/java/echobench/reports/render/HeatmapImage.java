package echobench.reports.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws a table of numbers as coloured cells with each value printed in its cell, column labels
 * slanted above, row labels to the left and the colour scale as a bar with its ends and 0 on the
 * right. Values are coloured on a diverging scale symmetric about 0; numbers are formatted
 * without the platform locale, so the image is the same on every machine with the same fonts.
 */
final class HeatmapImage {
  private static final int CELL_WIDTH = 56;
  private static final int CELL_HEIGHT = 28;
  private static final int PAD = 10;
  private static final int BAR_WIDTH = 16;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font VALUE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Color MISSING = new Color(0xDD, 0xDD, 0xDD);

  private HeatmapImage() {}

  /**
   * The PNG of {@code values[row][column]} (NaN: an empty grey cell).
   *
   * @param stops the colours from the negative end through 0 (the middle) to the positive end
   * @param extreme the magnitude mapped to the ends of the scale (larger values are clamped)
   * @param format the text of a value, for cells and scale
   */
  static byte[] png(String title, List<String> rows, List<String> columns, double[][] values,
      Color[] stops, double extreme, DoubleFunction<String> format) {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D m = probe.createGraphics();
    FontMetrics labels = m.getFontMetrics(LABEL);
    int rowLabelWidth = rows.stream().mapToInt(labels::stringWidth).max().orElse(0);
    int columnLabelWidth = columns.stream().mapToInt(labels::stringWidth).max().orElse(0);
    m.dispose();
    int left = PAD + rowLabelWidth + PAD;
    int top = PAD + 24 + (int) Math.ceil(columnLabelWidth * Math.sqrt(0.5)) + PAD;
    int gridWidth = columns.size() * CELL_WIDTH;
    int gridHeight = rows.size() * CELL_HEIGHT;
    int barHeight = Math.max(gridHeight, 3 * CELL_HEIGHT);
    int overhang = (int) Math.ceil(columnLabelWidth * Math.sqrt(0.5));
    int barX = left + gridWidth + 2 * PAD;
    int width = Math.max(barX + BAR_WIDTH + 50, left + gridWidth + overhang + PAD);
    int height = top + barHeight + PAD;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setFont(TITLE);
      g.drawString(title, PAD, PAD + 16);
      g.setFont(LABEL);
      for (int c = 0; c < columns.size(); c++) {
        AffineTransform saved = g.getTransform();
        g.translate(left + c * CELL_WIDTH + CELL_WIDTH / 2.0, top - 4);
        g.rotate(-Math.PI / 4);
        g.drawString(columns.get(c), 0, 0);
        g.setTransform(saved);
      }
      for (int r = 0; r < rows.size(); r++) {
        int y = top + r * CELL_HEIGHT;
        g.setColor(Color.BLACK);
        g.setFont(LABEL);
        g.drawString(rows.get(r), left - PAD - g.getFontMetrics().stringWidth(rows.get(r)),
            y + CELL_HEIGHT / 2 + g.getFontMetrics().getAscent() / 2 - 1);
        for (int c = 0; c < columns.size(); c++) {
          int x = left + c * CELL_WIDTH;
          double v = values[r][c];
          Color fill = Double.isNaN(v) ? MISSING : colour(stops, v / extreme);
          g.setColor(fill);
          g.fillRect(x, y, CELL_WIDTH, CELL_HEIGHT);
          g.setColor(Color.WHITE);
          g.drawRect(x, y, CELL_WIDTH, CELL_HEIGHT);
          if (!Double.isNaN(v)) {
            g.setFont(VALUE);
            g.setColor(luminance(fill) < 0.45 ? Color.WHITE : Color.BLACK);
            String text = format.apply(v);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(text, x + (CELL_WIDTH - fm.stringWidth(text)) / 2,
                y + CELL_HEIGHT / 2 + fm.getAscent() / 2 - 1);
          }
        }
      }
      for (int i = 0; i < barHeight; i++) {
        g.setColor(colour(stops, 1 - 2.0 * i / (barHeight - 1)));
        g.fillRect(barX, top + i, BAR_WIDTH, 1);
      }
      g.setColor(Color.GRAY);
      g.drawRect(barX, top, BAR_WIDTH, barHeight);
      g.setColor(Color.BLACK);
      g.setFont(VALUE);
      int ascent = g.getFontMetrics().getAscent();
      g.drawString(format.apply(extreme), barX + BAR_WIDTH + 4, top + ascent);
      g.drawString(format.apply(0), barX + BAR_WIDTH + 4, top + barHeight / 2 + ascent / 2);
      g.drawString(format.apply(-extreme), barX + BAR_WIDTH + 4, top + barHeight);
    } finally {
      g.dispose();
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(image, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a heatmap as PNG", e);
    }
  }

  /** The colour at {@code t} in [−1, 1] (clamped), interpolated linearly between the stops. */
  static Color colour(Color[] stops, double t) {
    double u = (Math.max(-1, Math.min(1, t)) + 1) / 2 * (stops.length - 1);
    int i = Math.min(stops.length - 2, (int) Math.floor(u));
    double f = u - i;
    Color a = stops[i];
    Color b = stops[i + 1];
    return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
        mix(a.getBlue(), b.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  private static double luminance(Color c) {
    return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
  }

  /** {@code %+.1f} without the platform locale; a value that rounds to zero is {@code 0.0}. */
  static String signedOneDecimal(double v) {
    String text = String.format(Locale.ROOT, "%+.1f", v);
    return text.substring(1).equals("0.0") ? "0.0" : text;
  }
}
