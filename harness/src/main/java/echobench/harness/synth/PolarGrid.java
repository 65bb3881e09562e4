package echobench.harness.synth;

/**
 * The sampling of a sector scan as the scanner acquires it: {@code beams} scan lines fanning out
 * from the transducer at the origin, each sampled at {@code ranges} depths. Sample
 * {@code (i, j)} (range {@code i}, beam {@code j}) has flat index {@code i·beams + j}, so one range
 * row is contiguous.
 */
final class PolarGrid {
  private final double depthCm;
  private final double halfAngle;
  private final int ranges;
  private final int beams;
  private final double rangeStep;
  private final double angleStep;

  PolarGrid(double depthCm, double halfAngle, int ranges, int beams) {
    if (ranges < 2 || beams < 2) {
      throw new IllegalArgumentException("a polar grid needs at least 2 ranges and 2 beams");
    }
    this.depthCm = depthCm;
    this.halfAngle = halfAngle;
    this.ranges = ranges;
    this.beams = beams;
    this.rangeStep = depthCm / ranges;
    this.angleStep = 2 * halfAngle / beams;
  }

  /**
   * The grid for a square image of {@code size} pixels: one range sample per image row and about
   * one beam per pixel across the bottom of the fan.
   */
  static PolarGrid forImage(double depthCm, double halfAngle, int size) {
    int beams = Math.max(16, (int) Math.ceil(2 * halfAngle * size));
    return new PolarGrid(depthCm, halfAngle, size, beams);
  }

  double depthCm() {
    return depthCm;
  }

  double halfAngle() {
    return halfAngle;
  }

  int ranges() {
    return ranges;
  }

  int beams() {
    return beams;
  }

  int samples() {
    return ranges * beams;
  }

  /** Distance between range samples, cm. */
  double rangeStep() {
    return rangeStep;
  }

  /** Angle between beams, radians. */
  double angleStep() {
    return angleStep;
  }

  /** Depth of range sample {@code i} along its beam, cm. */
  double range(int i) {
    return (i + 0.5) * rangeStep;
  }

  /** Angle of beam {@code j} from straight down, radians (positive to the right). */
  double angle(int j) {
    return -halfAngle + (j + 0.5) * angleStep;
  }
}
