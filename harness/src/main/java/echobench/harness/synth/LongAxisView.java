package echobench.harness.synth;

/**
 * What the long-axis views (apical four- and two-chamber, parasternal long axis) share: a section
 * along the left ventricle's long axis, heart coordinates with the origin at the endocardial apex
 * and {@code u} running to the middle of the mitral annulus, the mitral valve, and the pericardium
 * around the ventricle.
 */
abstract class LongAxisView extends ViewAnatomy {
  /** Gap between the end-diastolic epicardium and the pericardium (epicardial fat), × diameter. */
  static final double PERICARDIAL_GAP = 0.03;
  /** Pericardial thickness, × diameter. */
  static final double PERICARDIUM = 0.04;
  /** Half thickness of a valve leaflet, × diameter, and its least value in cm. */
  static final double LEAFLET_HALF = 0.025;
  static final double LEAFLET_HALF_MIN = 0.08;
  /**
   * Closed leaflets bow this far (radians) towards the atrium; open ones swing towards the apex.
   */
  static final double CLOSED_TILT = Math.toRadians(12);
  static final double OPEN_SWING = Math.toRadians(85);

  protected LongAxisView(LeftVentricle lv) {
    super(lv);
  }

  /** The cavity at contraction {@code c}: the ellipse from the apex to the annulus plane. */
  protected Ellipse cavity(double c) {
    double a = lv.semiLong(c);
    return Ellipse.of(a, 0, a, lv.semiShort(c)).cutAbove(lv.cavityLength(c));
  }

  /** The cavity and its myocardium at contraction {@code c}. */
  protected Ellipse myocardium(double c) {
    return cavity(c).grown(lv.wallThickness(c));
  }

  /** The end-diastolic epicardium plus the epicardial fat: where the pericardium starts. */
  protected Ellipse pericardialSac() {
    return myocardium(0).grown(PERICARDIAL_GAP * lv.diameterCm());
  }

  /** Half thickness of a leaflet. */
  protected double leafletHalfThickness() {
    return Math.max(LEAFLET_HALF_MIN, LEAFLET_HALF * lv.diameterCm());
  }

  /**
   * A pair of atrioventricular leaflets hinged at {@code (hingeU, lowV)} and {@code (hingeU,
   * highV)}: closed they meet across the orifice bowed towards the atrium ({@code +u}); open by
   * {@code opening ∈ [0,1]} they swing towards the apex. The leaflet on the low side is
   * {@code lowShare} of the orifice long, the other {@code 1.05 − lowShare} (they overlap a little
   * where they coapt).
   */
  protected void addLeaflets(
      HeartSection.Builder layers, double hingeU, double lowV, double highV, double lowShare,
      double opening) {
    double width = highV - lowV;
    double angle = CLOSED_TILT - OPEN_SWING * opening;
    double half = leafletHalfThickness();
    layers.add(Tissue.VALVE, Capsule.leaflet(hingeU, lowV, lowShare * width, angle, half));
    layers.add(Tissue.VALVE,
        Capsule.leaflet(hingeU, highV, (1.05 - lowShare) * width, Math.PI - angle, half));
  }

  /** Factor mapping a moving point's {@code u} back to end-diastole (the apex is fixed). */
  protected double stretchU(double c) {
    return lv.semiLong(0) / lv.semiLong(c);
  }

  /** Factor mapping a moving point's {@code v} back to end-diastole. */
  protected double stretchV(double c) {
    return lv.semiShort(0) / lv.semiShort(c);
  }

  @Override
  double motionWeight(double u, double v) {
    double a = lv.semiLong(0);
    double x = (u - a) / (a + lv.wallCm());
    double y = v / (lv.semiShort(0) + lv.wallCm());
    double distance = Math.sqrt(x * x + y * y);
    return Math.max(0, Math.min(1, (1.6 - distance) / 0.6));
  }
}
