package echobench.perturb;

import echobench.reports.io.InputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fits a {@link SectorGeometry} to a fan found by {@link OverlayFilter}. The left- and right-most
 * tissue pixel of each row are boundary points; a robust straight-line fit through each side
 * ignores the rows where the far arc, the frame border or an overlay forms the boundary, and the
 * two lines meet at the apex (above the frame if need be) with the edge angles as their slopes.
 * Over beam-angle bins, the median depth of the shallowest and of the deepest tissue pixel gives
 * the near and far radius; bins the frame cuts off do not count. Parallel edges (a linear probe's
 * rectangle) put the apex {@link #LINEAR_APEX_DISTANCE} frame sizes above the image.
 *
 * <p>The fit is accepted only when the rasterised sector holds at least {@link #MIN_CONTAINED} of
 * the region and at least {@link #MIN_SUPPORT} of its outline runs along the region (dark
 * cavities and shadows inside the fan are not held against it).
 */
final class SectorFit {
  /** Least share of the detected region that lies inside the fitted sector. */
  static final double MIN_CONTAINED = 0.9;
  /** Least share of the sector's outline that runs along the detected region. */
  static final double MIN_SUPPORT = 0.8;
  /** Distance of the apex of a rectangular image, in multiples of {@code H + W}. */
  static final double LINEAR_APEX_DISTANCE = 1000;

  private static final double EDGE_TOLERANCE = 1.0;
  private static final int SAMPLED_ROWS = 40;
  private static final int MIN_EDGE_ROWS = 8;
  private static final double PARALLEL = Math.toRadians(1);
  private static final int ANGLE_BINS = 48;
  private static final double NEAR_MIN = 0.08;
  private static final double APEX_SLACK = 3;

  private SectorFit() {}

  /** A straight edge {@code x = a + b·y}. */
  private record Line(double a, double b) {
    double x(double y) {
      return a + b * y;
    }
  }

  /**
   * The sector that {@code region} (a fan region of {@code tissue}) shows.
   *
   * @throws InputException naming {@code source} when no plausible sector fits
   */
  static SectorGeometry fit(boolean[] tissue, boolean[] region, int height, int width,
      String source) {
    boolean[] near = PixelRegions.dilate(region, height, width,
        OverlayFilter.windowRadius(height, width));
    boolean[] evidence = new boolean[near.length];
    int top = height;
    for (int p = 0; p < evidence.length; p++) {
      evidence[p] = near[p] && tissue[p];
      if (region[p]) {
        top = Math.min(top, p / width);
      }
    }
    double[] leftX = new double[height];
    double[] leftY = new double[height];
    double[] rightX = new double[height];
    double[] rightY = new double[height];
    int nLeft = 0;
    int nRight = 0;
    for (int y = 0; y < height; y++) {
      int first = -1;
      int last = -1;
      for (int x = 0; x < width; x++) {
        if (evidence[y * width + x]) {
          first = first < 0 ? x : first;
          last = x;
        }
      }
      if (first > 0) {
        leftY[nLeft] = y;
        leftX[nLeft++] = first - 0.5;
      }
      if (last >= 0 && last < width - 1) {
        rightY[nRight] = y;
        rightX[nRight++] = last + 0.5;
      }
    }
    Line left = robustLine(leftY, leftX, nLeft);
    Line right = robustLine(rightY, rightX, nRight);
    if (left == null || right == null) {
      throw FanDetector.noFan(source, "no straight " + (left == null ? "left" : "right")
          + " edge; the moving area may fill the frame");
    }
    double leftAngle = Math.atan(left.b());
    double rightAngle = Math.atan(right.b());
    double apexX;
    double apexY;
    if (Math.abs(rightAngle - leftAngle) < PARALLEL) {
      double slope = (left.b() + right.b()) / 2;
      double distance = LINEAR_APEX_DISTANCE * (height + width);
      apexX = (left.x(top) + right.x(top)) / 2 - distance * slope;
      apexY = top - distance;
      leftAngle = Math.atan2(left.x(top) - apexX, top - apexY);
      rightAngle = Math.atan2(right.x(top) - apexX, top - apexY);
    } else if (rightAngle < leftAngle) {
      throw FanDetector.noFan(source, "the edges converge with depth");
    } else {
      apexY = (left.a() - right.a()) / (right.b() - left.b());
      apexX = left.x(apexY);
      if (apexY > top + APEX_SLACK) {
        throw FanDetector.noFan(source, String.format(Locale.ROOT,
            "the edges meet at row %.0f, below the top of the moving area (row %d)", apexY, top));
      }
    }
    double[] radii = radii(evidence, height, width, apexX, apexY, leftAngle, rightAngle);
    if (!(radii[0] < radii[1])) {
      throw FanDetector.noFan(source, "no depth range between the fitted edges");
    }
    SectorGeometry sector =
        new SectorGeometry(apexX, apexY, leftAngle, rightAngle, radii[0], radii[1]);
    boolean[] raster = new boolean[height * width];
    for (int p = 0; p < raster.length; p++) {
      raster[p] = sector.contains(p % width, p / width);
    }
    double contained = containment(raster, region);
    if (contained < MIN_CONTAINED) {
      throw FanDetector.noFan(source, String.format(Locale.ROOT,
          "%.0f%% of the moving area lies outside the best sector", 100 * (1 - contained)));
    }
    double support = outlineSupport(raster, near, height, width);
    if (support < MIN_SUPPORT) {
      throw FanDetector.noFan(source, String.format(Locale.ROOT,
          "the best sector's outline follows the moving area along only %.0f%% of its length",
          100 * support));
    }
    return sector;
  }

  /**
   * {@code x = a + b·y} through the points {@code (ys[i], xs[i])}, {@code i < n}, in row order:
   * the line through two of {@link #SAMPLED_ROWS} evenly spaced points with the most points within
   * {@link #EDGE_TOLERANCE}, refined by least squares on those; {@code null} with fewer than
   * {@link #MIN_EDGE_ROWS} such points.
   */
  private static Line robustLine(double[] ys, double[] xs, int n) {
    if (n < MIN_EDGE_ROWS) {
      return null;
    }
    int step = Math.max(1, n / SAMPLED_ROWS);
    Line best = null;
    int bestCount = 0;
    for (int i = 0; i < n; i += step) {
      for (int j = i + step; j < n; j += step) {
        double b = (xs[j] - xs[i]) / (ys[j] - ys[i]);
        Line candidate = new Line(xs[i] - b * ys[i], b);
        int count = inliers(candidate, ys, xs, n);
        if (count > bestCount) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    if (bestCount < MIN_EDGE_ROWS) {
      return null;
    }
    for (int round = 0; round < 2; round++) {
      best = leastSquares(best, ys, xs, n);
    }
    return inliers(best, ys, xs, n) < MIN_EDGE_ROWS ? null : best;
  }

  private static int inliers(Line line, double[] ys, double[] xs, int n) {
    int count = 0;
    for (int k = 0; k < n; k++) {
      if (Math.abs(xs[k] - line.x(ys[k])) <= EDGE_TOLERANCE) {
        count++;
      }
    }
    return count;
  }

  /** The least-squares line through the points within {@link #EDGE_TOLERANCE} of {@code line}. */
  private static Line leastSquares(Line line, double[] ys, double[] xs, int n) {
    double sy = 0;
    double sx = 0;
    double syy = 0;
    double sxy = 0;
    int m = 0;
    for (int k = 0; k < n; k++) {
      if (Math.abs(xs[k] - line.x(ys[k])) <= EDGE_TOLERANCE) {
        sy += ys[k];
        sx += xs[k];
        syy += ys[k] * ys[k];
        sxy += xs[k] * ys[k];
        m++;
      }
    }
    double det = m * syy - sy * sy;
    if (m < 2 || det == 0) {
      return line;
    }
    double b = (m * sxy - sy * sx) / det;
    return new Line((sx - b * sy) / m, b);
  }

  /**
   * Near and far radius: over {@link #ANGLE_BINS} bins between the edges, the median of the
   * shallowest and of the deepest evidence pixel, less or more half a pixel, among bins where that
   * pixel is not on the frame border. With fewer than a third of the bins free, the frame cuts
   * that arc off: the near radius is then 0 and the far radius the deepest evidence pixel. A near
   * radius under {@link #NEAR_MIN} of the far one is the apex itself, 0.
   */
  private static double[] radii(boolean[] evidence, int height, int width, double apexX,
      double apexY, double leftAngle, double rightAngle) {
    double[] shallowest = new double[ANGLE_BINS];
    double[] deepest = new double[ANGLE_BINS];
    boolean[] shallowCut = new boolean[ANGLE_BINS];
    boolean[] deepCut = new boolean[ANGLE_BINS];
    Arrays.fill(shallowest, Double.POSITIVE_INFINITY);
    Arrays.fill(deepest, -1);
    double binWidth = (rightAngle - leftAngle) / ANGLE_BINS;
    double maxDepth = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (!evidence[y * width + x]) {
          continue;
        }
        double theta = Math.atan2(x - apexX, y - apexY);
        int bin = (int) Math.floor((theta - leftAngle) / binWidth);
        if (bin < 0 || bin >= ANGLE_BINS) {
          continue;
        }
        double r = Math.hypot(x - apexX, y - apexY);
        boolean side = x == 0 || x == width - 1;
        if (r < shallowest[bin]) {
          shallowest[bin] = r;
          shallowCut[bin] = side || y == 0;
        }
        if (r > deepest[bin]) {
          deepest[bin] = r;
          deepCut[bin] = side || y == height - 1;
        }
        maxDepth = Math.max(maxDepth, r);
      }
    }
    double far = median(deepest, deepCut, maxDepth);
    double near = median(shallowest, shallowCut, Double.NaN);
    far = far + 0.5;
    near = Double.isNaN(near) || near - 0.5 < NEAR_MIN * far ? 0 : near - 0.5;
    return new double[] {near, far};
  }

  /** Median of the bins that hold a pixel not cut by the frame, or {@code cut} if too few do. */
  private static double median(double[] values, boolean[] cutOff, double cut) {
    double[] free = new double[values.length];
    int n = 0;
    for (int k = 0; k < values.length; k++) {
      if (Double.isFinite(values[k]) && values[k] >= 0 && !cutOff[k]) {
        free[n++] = values[k];
      }
    }
    if (n < values.length / 3) {
      return cut;
    }
    Arrays.sort(free, 0, n);
    return n % 2 == 1 ? free[n / 2] : (free[n / 2 - 1] + free[n / 2]) / 2;
  }

  /**
   * Share of the sector's outline (pixels inside with a neighbour outside, the frame border not
   * counted) that lies within the density window's half-width of the region.
   */
  private static double outlineSupport(boolean[] sector, boolean[] near, int height, int width) {
    int outline = 0;
    int supported = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        if (sector[p] && ((x > 0 && !sector[p - 1]) || (x < width - 1 && !sector[p + 1])
            || (y > 0 && !sector[p - width]) || (y < height - 1 && !sector[p + width]))) {
          outline++;
          supported += near[p] ? 1 : 0;
        }
      }
    }
    return outline == 0 ? 0 : supported / (double) outline;
  }

  /** Share of the region's pixels inside the sector. */
  private static double containment(boolean[] sector, boolean[] region) {
    int inRegion = 0;
    int inBoth = 0;
    for (int p = 0; p < region.length; p++) {
      if (region[p]) {
        inRegion++;
        inBoth += sector[p] ? 1 : 0;
      }
    }
    return inRegion == 0 ? 0 : inBoth / (double) inRegion;
  }
}
