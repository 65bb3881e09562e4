package echobench.harness.synth;

/**
 * The points within {@code radius} of a line segment: a valve leaflet (thin) or a vessel (thick).
 *
 * @param startU one end of the segment
 * @param startV one end of the segment
 * @param endU the other end
 * @param endV the other end
 * @param radius distance from the segment that still counts as inside
 */
record Capsule(double startU, double startV, double endU, double endV, double radius)
    implements Shape {

  /**
   * A leaflet hinged at {@code (hingeU, hingeV)}, {@code length} long, pointing at {@code angle}
   * (radians counter-clockwise from the {@code +v} axis towards {@code +u}).
   */
  static Capsule leaflet(
      double hingeU, double hingeV, double length, double angle, double halfThickness) {
    return new Capsule(hingeU, hingeV, hingeU + length * Math.sin(angle),
        hingeV + length * Math.cos(angle), halfThickness);
  }

  @Override
  public boolean contains(double u, double v) {
    double du = endU - startU;
    double dv = endV - startV;
    double lengthSquared = du * du + dv * dv;
    double s = lengthSquared == 0
        ? 0 : ((u - startU) * du + (v - startV) * dv) / lengthSquared;
    s = Math.max(0, Math.min(1, s));
    double eu = u - (startU + s * du);
    double ev = v - (startV + s * dv);
    return eu * eu + ev * ev <= radius * radius;
  }

  @Override
  public double minU() {
    return Math.min(startU, endU) - radius;
  }

  @Override
  public double maxU() {
    return Math.max(startU, endU) + radius;
  }

  @Override
  public double minV() {
    return Math.min(startV, endV) - radius;
  }

  @Override
  public double maxV() {
    return Math.max(startV, endV) + radius;
  }
}
