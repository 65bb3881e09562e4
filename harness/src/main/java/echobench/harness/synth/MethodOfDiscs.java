package echobench.harness.synth;

import java.util.function.DoubleUnaryOperator;

/**
 * The clinical single-plane method of discs (Simpson's rule): the cavity is cut into equal slices
 * perpendicular to its long axis, each taken as a circular disc whose diameter is the cavity's
 * width at the slice's middle; the volume is the sum of the discs.
 */
final class MethodOfDiscs {
  /** The number of discs of the guideline method. */
  static final int DISCS = 20;

  private MethodOfDiscs() {}

  /**
   * The volume (cm³, which is mL when lengths are in cm) of a cavity of {@code length} along its
   * axis whose width at distance {@code u} from the apex is {@code diameterAt(u)}.
   */
  static double volume(DoubleUnaryOperator diameterAt, double length) {
    double height = length / DISCS;
    double volume = 0;
    for (int i = 0; i < DISCS; i++) {
      double diameter = diameterAt.applyAsDouble((i + 0.5) * height);
      volume += Math.PI * diameter * diameter / 4 * height;
    }
    return volume;
  }
}
