package echobench.harness.synth;

/**
 * An ellipse, possibly rotated, possibly cut by the lines {@code u = fromU} and {@code u = toU}:
 * the primitive of chambers, walls and the pericardium. Immutable; the rotation's sine and cosine
 * are computed once.
 */
final class Ellipse implements Shape {
  private final double centerU;
  private final double centerV;
  private final double semiU;
  private final double semiV;
  private final double rotation;
  private final double fromU;
  private final double toU;
  private final double cos;
  private final double sin;
  private final double inverseU;
  private final double inverseV;

  private Ellipse(
      double centerU, double centerV, double semiU, double semiV, double rotation, double fromU,
      double toU) {
    this.centerU = centerU;
    this.centerV = centerV;
    this.semiU = semiU;
    this.semiV = semiV;
    this.rotation = rotation;
    this.fromU = fromU;
    this.toU = toU;
    this.cos = Math.cos(rotation);
    this.sin = Math.sin(rotation);
    this.inverseU = 1 / semiU;
    this.inverseV = 1 / semiV;
  }

  /** An axis-aligned, uncut ellipse with semi-axes {@code semiU} and {@code semiV}. */
  static Ellipse of(double centerU, double centerV, double semiU, double semiV) {
    return new Ellipse(centerU, centerV, semiU, semiV, 0,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** A circle. */
  static Ellipse circle(double centerU, double centerV, double radius) {
    return of(centerU, centerV, radius, radius);
  }

  /** This ellipse with its axes turned by {@code angle} (from {@code +u} towards {@code +v}). */
  Ellipse rotated(double angle) {
    return new Ellipse(centerU, centerV, semiU, semiV, angle, fromU, toU);
  }

  /** This ellipse without the part beyond {@code u = limit}. */
  Ellipse cutAbove(double limit) {
    return new Ellipse(centerU, centerV, semiU, semiV, rotation, fromU, limit);
  }

  /** This ellipse without the part before {@code u = limit}. */
  Ellipse cutBelow(double limit) {
    return new Ellipse(centerU, centerV, semiU, semiV, rotation, limit, toU);
  }

  /** The same ellipse with both semi-axes longer by {@code margin} (a wall around a cavity). */
  Ellipse grown(double margin) {
    return new Ellipse(centerU, centerV, semiU + margin, semiV + margin, rotation, fromU, toU);
  }

  @Override
  public boolean contains(double u, double v) {
    if (u < fromU || u > toU) {
      return false;
    }
    double du = u - centerU;
    double dv = v - centerV;
    double x = (du * cos + dv * sin) * inverseU;
    double y = (dv * cos - du * sin) * inverseV;
    return x * x + y * y <= 1;
  }

  @Override
  public double minU() {
    return Math.max(fromU, centerU - reachU());
  }

  @Override
  public double maxU() {
    return Math.min(toU, centerU + reachU());
  }

  @Override
  public double minV() {
    return centerV - reachV();
  }

  @Override
  public double maxV() {
    return centerV + reachV();
  }

  private double reachU() {
    return Math.hypot(semiU * cos, semiV * sin);
  }

  private double reachV() {
    return Math.hypot(semiU * sin, semiV * cos);
  }
}
