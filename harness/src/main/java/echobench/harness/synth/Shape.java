package echobench.harness.synth;

/** A region of the scan plane in heart coordinates (centimetres), with a bounding box. */
interface Shape {
  /** Whether heart point {@code (u, v)} lies inside. */
  boolean contains(double u, double v);

  /** The smallest {@code u} of the region (a bound, not necessarily tight). */
  double minU();

  double maxU();

  double minV();

  double maxV();
}
