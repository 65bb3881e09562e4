package echobench.harness.synth;

/**
 * Where the heart sits in the scan plane. Scan coordinates are centimetres with the transducer at
 * the origin, {@code x} to the right of the image and {@code y} down into the body. Heart
 * coordinates are centimetres from the heart's origin (the left-ventricular apex in long-axis
 * views, the ventricle's centre in the short-axis view), {@code u} along the axis at angle {@code
 * axisAngle} from straight down (positive towards the right of the image) and {@code v} across it,
 * a quarter turn counter-clockwise from {@code u} on screen.
 *
 * @param originX scan {@code x} of the heart's origin
 * @param originY scan {@code y} of the heart's origin
 * @param axisAngle direction of the {@code u} axis, radians from straight down
 */
public record HeartPose(double originX, double originY, double axisAngle) {

  /** Heart {@code u} of scan point {@code (x, y)}. */
  public double u(double x, double y) {
    return (x - originX) * Math.sin(axisAngle) + (y - originY) * Math.cos(axisAngle);
  }

  /** Heart {@code v} of scan point {@code (x, y)}. */
  public double v(double x, double y) {
    return (x - originX) * Math.cos(axisAngle) - (y - originY) * Math.sin(axisAngle);
  }

  /** Scan {@code x} of heart point {@code (u, v)}. */
  public double x(double u, double v) {
    return originX + u * Math.sin(axisAngle) + v * Math.cos(axisAngle);
  }

  /** Scan {@code y} of heart point {@code (u, v)}. */
  public double y(double u, double v) {
    return originY + u * Math.cos(axisAngle) - v * Math.sin(axisAngle);
  }
}
