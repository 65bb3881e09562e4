package echobench.perturb;

/**
 * The fan of a sector scan: the transducer apex {@code (apexX, apexY)} in pixels (it may lie above
 * the frame), the beam angles of the left and right edges measured from the vertical (radians,
 * negative to the left) and the near and far radii in pixels (the near radius is 0 when the fan
 * starts at the apex).
 *
 * <p>Sector-aware perturbations (beam attenuation, rib shadows, haze, reverberation) work in the
 * polar coordinates this defines: radius {@code r = hypot(x−x0, y−y0)} and angle
 * {@code θ = atan2(x−x0, y−y0)}, 0 straight down from the apex. A pixel is in the fan when
 * {@code leftAngle ≤ θ ≤ rightAngle} and {@code nearRadius ≤ r ≤ radius}.
 */
public record SectorGeometry(
    double apexX, double apexY, double leftAngle, double rightAngle, double nearRadius,
    double radius) {

  public SectorGeometry {
    if (!(leftAngle < rightAngle) || leftAngle < -Math.PI || rightAngle > Math.PI) {
      throw new IllegalArgumentException("sector edge angles must satisfy −π ≤ left < right ≤ π,"
          + " not " + leftAngle + ", " + rightAngle);
    }
    if (!(radius > 0) || !(nearRadius >= 0) || !(nearRadius < radius)) {
      throw new IllegalArgumentException(
          "sector radii must satisfy 0 ≤ near < far, not " + nearRadius + ", " + radius);
    }
  }

  /** A symmetric fan from the apex: edges at {@code ±halfAngle}, near radius 0. */
  public SectorGeometry(double apexX, double apexY, double halfAngle, double radius) {
    this(apexX, apexY, -checkedHalfAngle(halfAngle), halfAngle, 0, radius);
  }

  private static double checkedHalfAngle(double halfAngle) {
    if (!(halfAngle > 0) || halfAngle > Math.PI) {
      throw new IllegalArgumentException("sector half-angle must be in (0, π], not " + halfAngle);
    }
    return halfAngle;
  }

  /**
   * The sector used by EchoJEPA's geometric mask: apex at the top centre {@code (0.5·W, 0)}, a
   * half-angle of 75° and a radius of 0.95 of the half-diagonal.
   */
  public static SectorGeometry echoJepaDefault(int height, int width) {
    return new SectorGeometry(
        0.5 * width, 0, Math.toRadians(75), 0.95 * Math.hypot(width, height) / 2);
  }

  /** Half the fan's opening, {@code (right − left)/2}, radians. */
  public double halfAngle() {
    return (rightAngle - leftAngle) / 2;
  }

  /** The beam angle of the fan's centre line, {@code (left + right)/2}, radians. */
  public double centreAngle() {
    return (leftAngle + rightAngle) / 2;
  }

  /** Radial distance of pixel {@code (x, y)} from the apex, in pixels. */
  public double radiusAt(double x, double y) {
    return Math.hypot(x - apexX, y - apexY);
  }

  /** Beam angle of pixel {@code (x, y)} from the vertical, in radians (positive to the right). */
  public double angleAt(double x, double y) {
    return Math.atan2(x - apexX, y - apexY);
  }

  /** Whether the point {@code (x, y)} lies in the fan (edges and arcs included). */
  public boolean contains(double x, double y) {
    double r = radiusAt(x, y);
    if (r < nearRadius || r > radius) {
      return false;
    }
    double theta = angleAt(x, y);
    return theta >= leftAngle && theta <= rightAngle;
  }

  /**
   * Fits a sector to a mask: the apex is the centre of the mask's top row, the radius the farthest
   * masked pixel and the half-angle the widest masked beam angle. For a full-frame mask this is the
   * top-centre apex that EchoJEPA's depth map uses.
   */
  static SectorGeometry fit(boolean[] inside, int height, int width) {
    int top = -1;
    for (int y = 0; y < height && top < 0; y++) {
      for (int x = 0; x < width; x++) {
        if (inside[y * width + x]) {
          top = y;
          break;
        }
      }
    }
    if (top < 0) {
      return new SectorGeometry((width - 1) / 2.0, 0, Math.PI / 2, Math.max(1, height));
    }
    int left = width;
    int right = -1;
    for (int x = 0; x < width; x++) {
      if (inside[top * width + x]) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
    double apexX = (left + right) / 2.0;
    double apexY = top;
    double radius = 1;
    double halfAngle = 1e-3;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (inside[y * width + x]) {
          radius = Math.max(radius, Math.hypot(x - apexX, y - apexY));
          if (y > apexY) {
            halfAngle = Math.max(halfAngle, Math.abs(Math.atan2(x - apexX, y - apexY)));
          }
        }
      }
    }
    return new SectorGeometry(apexX, apexY, Math.min(halfAngle, Math.PI / 2), radius);
  }
}
