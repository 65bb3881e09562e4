package echobench.harness.synth;

import java.util.function.DoubleUnaryOperator;

/**
 * The clinical method of discs (Simpson's rule): the cavity is cut into {@value #DISCS} equal
 * slices perpendicular to its long axis of length {@code L}, and the volume is the sum of the
 * slices.
 *
 * <p><b>Single plane</b> (one apical view): each slice is a circular disc whose diameter {@code
 * aᵢ} is the cavity's width at the slice's middle, {@code V = Σ π/4·aᵢ²·L/20}.
 *
 * <p><b>Biplane</b> (Simpson's biplane, the guideline method from the apical four- and two-chamber
 * views, which cut the ventricle along its long axis at right angles): each slice is an elliptical
 * disc whose axes are the two views' widths {@code aᵢ} (four-chamber) and {@code bᵢ}
 * (two-chamber) at that level, {@code V = Σ π/4·aᵢ·bᵢ·L/20}. Both views share the long axis; the
 * guideline takes the longer of the two traced lengths, and the simulated ventricle has one length.
 */
final class MethodOfDiscs {
  /** The number of discs of the guideline method. */
  static final int DISCS = 20;

  private MethodOfDiscs() {}

  /**
   * The volume (cm³, which is mL when lengths are in cm) of a cavity of {@code length} along its
   * axis whose width at distance {@code u} from the apex is {@code diameterAt(u)}, with circular
   * discs.
   */
  static double volume(DoubleUnaryOperator diameterAt, double length) {
    return biplaneVolume(diameterAt, diameterAt, length);
  }

  /**
   * The volume (cm³) of a cavity of {@code length} whose widths at distance {@code u} from the
   * apex are {@code fourChamberAt(u)} and {@code twoChamberAt(u)} in two orthogonal planes, with
   * elliptical discs.
   */
  static double biplaneVolume(
      DoubleUnaryOperator fourChamberAt, DoubleUnaryOperator twoChamberAt, double length) {
    double height = length / DISCS;
    double volume = 0;
    for (int i = 0; i < DISCS; i++) {
      double u = (i + 0.5) * height;
      volume += Math.PI * fourChamberAt.applyAsDouble(u) * twoChamberAt.applyAsDouble(u) / 4
          * height;
    }
    return volume;
  }
}
