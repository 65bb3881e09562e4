package echobench.harness.video;

import echobench.perturb.Clip;
import echobench.perturb.ScanMask;
import echobench.perturb.SectorGeometry;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A check-by-eye picture of a scan mask: the clip's first frame in colour with the mask's outline
 * in yellow, the fitted sector's edges in cyan, its near and far arcs in magenta and its apex as a
 * red cross (the edges meet there even when it lies above the frame).
 */
public final class MaskPreview {
  private static final Color OUTLINE = new Color(255, 230, 0);
  private static final Color EDGE = new Color(0, 220, 255);
  private static final Color ARC = new Color(255, 0, 220);
  private static final Color APEX = new Color(255, 40, 40);
  private static final int ARC_SEGMENTS = 96;
  private static final int APEX_SIZE = 4;

  private MaskPreview() {}

  /** Writes the first frame of {@code clip} with {@code mask} drawn on it to PNG {@code file}. */
  public static void write(Clip clip, ScanMask mask, Path file) {
    mask.requireMatches(clip);
    BufferedImage frame = PngWriter.image(new SheetTile("", clip, 0));
    BufferedImage image =
        new BufferedImage(clip.width(), clip.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.drawImage(frame, 0, 0, null);
      drawGeometry(g, mask.geometry());
    } finally {
      g.dispose();
    }
    drawOutline(image, mask);
    PngWriter.write(image, file);
  }

  /** Colours every mask pixel that has a 4-neighbour outside the mask. */
  private static void drawOutline(BufferedImage image, ScanMask mask) {
    int w = mask.width();
    int h = mask.height();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (mask.contains(x, y) && ((x > 0 && !mask.contains(x - 1, y))
            || (x < w - 1 && !mask.contains(x + 1, y)) || (y > 0 && !mask.contains(x, y - 1))
            || (y < h - 1 && !mask.contains(x, y + 1)))) {
          image.setRGB(x, y, OUTLINE.getRGB());
        }
      }
    }
  }

  private static void drawGeometry(Graphics2D g, SectorGeometry fan) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setStroke(new BasicStroke(1f));
    g.setColor(EDGE);
    for (double angle : new double[] {fan.leftAngle(), fan.rightAngle()}) {
      double[] from = point(fan, fan.nearRadius(), angle);
      double[] to = point(fan, fan.radius(), angle);
      g.draw(new Line2D.Double(from[0], from[1], to[0], to[1]));
    }
    g.setColor(ARC);
    for (double r : new double[] {fan.nearRadius(), fan.radius()}) {
      if (r > 0) {
        g.draw(arc(fan, r));
      }
    }
    g.setColor(APEX);
    double x = fan.apexX();
    double y = fan.apexY();
    g.draw(new Line2D.Double(x - APEX_SIZE, y, x + APEX_SIZE, y));
    g.draw(new Line2D.Double(x, y - APEX_SIZE, x, y + APEX_SIZE));
  }

  /** The arc of radius {@code r} between the sector's edges, as a polyline. */
  private static Path2D arc(SectorGeometry fan, double r) {
    Path2D path = new Path2D.Double();
    for (int k = 0; k <= ARC_SEGMENTS; k++) {
      double angle = fan.leftAngle() + (fan.rightAngle() - fan.leftAngle()) * k / ARC_SEGMENTS;
      double[] p = point(fan, r, angle);
      if (k == 0) {
        path.moveTo(p[0], p[1]);
      } else {
        path.lineTo(p[0], p[1]);
      }
    }
    return path;
  }

  /** The point at radius {@code r} on beam {@code angle}: {@code x0 + r·sinθ, y0 + r·cosθ}. */
  private static double[] point(SectorGeometry fan, double r, double angle) {
    return new double[] {fan.apexX() + r * Math.sin(angle), fan.apexY() + r * Math.cos(angle)};
  }
}
