package echobench.harness.synth;

import java.util.SplittableRandom;

/**
 * Parasternal long-axis view: the left ventricle lies across the image with its apex to the left
 * (often outside the sector) and its base to the right; the right-ventricular outflow tract is a
 * band near the transducer, then the septum, the cavity and the posterior wall with the pericardium
 * behind it. At the base the aortic root rises from the outflow tract with its valve, the mitral
 * valve opens into the left atrium behind the root, and the descending aorta is seen in cross
 * section behind the atrioventricular groove. Heart coordinates: {@code v > 0} is anterior (towards
 * the transducer).
 */
final class ParasternalLongAxis extends LongAxisView {
  /** Right-ventricular outflow: centre and half length × LV length, half depth × diameter. */
  private static final double RVOT_CENTER = 0.6;
  private static final double RVOT_HALF_LENGTH = 0.45;
  private static final double RVOT_HALF_DEPTH = 0.3;
  private static final double RVOT_SHORTENING = 0.12;
  private static final double RV_WALL = 0.08;
  /** Aortic root: lumen radius × diameter, length × LV length, rise towards the transducer. */
  private static final double AORTA_RADIUS = 0.23;
  private static final double AORTA_LENGTH = 0.6;
  private static final double AORTA_RISE = Math.toRadians(20);
  private static final double AORTIC_WALL = 0.04;
  /** The root starts this far (× LV length) inside the outflow tract; the valve sits just above. */
  private static final double AORTA_START = 0.1;
  private static final double AORTIC_VALVE = 0.04;
  /** Sinuses of Valsalva: centre along the root × radius, semi-axes × radius. */
  private static final double SINUS_CENTER = 1.2;
  private static final double SINUS_ALONG = 1.0;
  private static final double SINUS_ACROSS = 1.2;
  /** Left atrium behind the root: radius × diameter; it swells as the annulus descends. */
  private static final double LA_RADIUS = 0.38;
  /** The annulus cuts the atrial ellipse this far (× its semi-axis) before the ellipse's centre. */
  private static final double ATRIAL_CUT = 0.5;
  private static final double ATRIAL_WALL = 0.05;
  private static final double ATRIAL_SQUEEZE = 0.1;
  /** Descending aorta behind the atrioventricular groove: radius × diameter. */
  private static final double DESCENDING_RADIUS = 0.13;
  private static final double DESCENDING_DEPTH = 0.35;

  ParasternalLongAxis(LeftVentricle lv) {
    super(lv);
  }

  @Override
  HeartSection section(CyclePhase phase) {
    double c = phase.contraction();
    double length = lv.lengthCm();
    double diameter = lv.diameterCm();
    double base = lv.cavityLength(c);
    double annulus = lv.annulusHalfWidth(c);
    double wall = lv.wallThickness(c);

    double rvotDepth = RVOT_HALF_DEPTH * diameter * (1 - RVOT_SHORTENING * c);
    Ellipse rvot = Ellipse.of(RVOT_CENTER * length, lv.semiShort(c) + wall + rvotDepth,
        RVOT_HALF_LENGTH * length, rvotDepth);
    Ellipse rvotDiastole = Ellipse.of(RVOT_CENTER * length,
        lv.semiShort(0) + lv.wallCm() + RVOT_HALF_DEPTH * diameter,
        RVOT_HALF_LENGTH * length, RVOT_HALF_DEPTH * diameter);

    // The root's anterior wall continues the septum; its axis rises towards the transducer.
    double radius = AORTA_RADIUS * diameter;
    double cos = Math.cos(AORTA_RISE);
    double sin = Math.sin(AORTA_RISE);
    double startU = base - AORTA_START * length;
    double startV = annulus - radius;
    double rootLength = AORTA_LENGTH * length;
    Capsule root = new Capsule(startU, startV, startU + rootLength * cos,
        startV + rootLength * sin, radius);
    Capsule rootWall = new Capsule(root.startU(), root.startV(), root.endU(), root.endV(),
        radius + AORTIC_WALL * diameter);
    Ellipse sinus = Ellipse.of(startU + SINUS_CENTER * radius * cos,
        startV + SINUS_CENTER * radius * sin, SINUS_ALONG * radius, SINUS_ACROSS * radius)
        .rotated(AORTA_RISE);

    double posteriorAortaV = startV - radius - AORTIC_WALL * diameter;
    double laRadius = LA_RADIUS * diameter;
    double roof = lv.cavityLength(0) + 2 * laRadius;
    double laSemi = (roof - base) / (1 + ATRIAL_CUT);
    Ellipse atrium = Ellipse.of(roof - laSemi, (posteriorAortaV - annulus) / 2 - 0.3 * laRadius,
        laSemi, laRadius * (1 - ATRIAL_SQUEEZE * phase.atrialContraction()))
        .cutBelow(base);
    Ellipse descending = Ellipse.circle(lv.cavityLength(0) + 0.15 * length,
        -(lv.semiShort(0) + lv.wallCm() + DESCENDING_DEPTH * diameter),
        DESCENDING_RADIUS * diameter);

    HeartSection.Builder layers = new HeartSection.Builder();
    addAorticValve(layers, startU, startV, radius, phase.aorticOpening());
    addLeaflets(layers, base, -annulus, posteriorAortaV, 0.4, phase.atrioventricularOpening());
    layers.add(Tissue.BLOOD, cavity(c), CardiacRegion.LV_CAVITY)
        .add(Tissue.BLOOD, root)
        .add(Tissue.BLOOD, sinus)
        .add(Tissue.BLOOD, rvot)
        .add(Tissue.BLOOD, atrium)
        .add(Tissue.BLOOD, descending)
        .add(Tissue.FIBROUS, rootWall)
        .add(Tissue.FIBROUS, sinus.grown(AORTIC_WALL * diameter))
        .add(Tissue.FIBROUS, descending.grown(AORTIC_WALL * diameter))
        .add(Tissue.MYOCARDIUM, myocardium(c), CardiacRegion.LV_MYOCARDIUM)
        .add(Tissue.MYOCARDIUM, rvot.grown(RV_WALL * diameter))
        .add(Tissue.MYOCARDIUM, atrium.grown(ATRIAL_WALL * diameter))
        .add(Tissue.FAT, pericardialSac())
        .add(Tissue.FAT, rvotDiastole.grown((RV_WALL + PERICARDIAL_GAP) * diameter))
        .add(Tissue.PERICARDIUM, pericardialSac().grown(PERICARDIUM * diameter))
        .add(Tissue.PERICARDIUM,
            rvotDiastole.grown((RV_WALL + PERICARDIAL_GAP + PERICARDIUM) * diameter));
    return layers.build(stretchU(c), stretchV(c));
  }

  /**
   * The aortic cusps, hinged on the root's walls just above its start: closed they meet on the
   * root's axis, open they lie back along the walls.
   */
  private void addAorticValve(
      HeartSection.Builder layers, double startU, double startV, double radius, double opening) {
    double cos = Math.cos(AORTA_RISE);
    double sin = Math.sin(AORTA_RISE);
    double along = AORTIC_VALVE * lv.lengthCm() + radius * 0.5;
    double hingeU = startU + along * cos;
    double hingeV = startV + along * sin;
    // Unit normal of the root axis, towards the anterior wall.
    double normalU = -sin;
    double normalV = cos;
    double flow = Math.atan2(cos, sin);
    double half = leafletHalfThickness();
    for (int side = -1; side <= 1; side += 2) {
      double closed = Math.atan2(-side * normalU, -side * normalV);
      double angle = closed + opening * wrap(flow - closed) * 0.95;
      layers.add(Tissue.VALVE, Capsule.leaflet(hingeU + side * radius * normalU,
          hingeV + side * radius * normalV, radius * 1.02, angle, half));
    }
  }

  /** {@code angle} wrapped into {@code (−π, π]}. */
  private static double wrap(double angle) {
    double a = angle % (2 * Math.PI);
    if (a > Math.PI) {
      a -= 2 * Math.PI;
    } else if (a <= -Math.PI) {
      a += 2 * Math.PI;
    }
    return a;
  }

  @Override
  HeartPose drawPose(SplittableRandom random, double chestWallCm) {
    // u runs from the apex (left, deeper) up and to the right towards the base.
    double tilt = Math.toRadians(RandomDraws.uniform(random, 8, 22));
    double angle = Math.PI / 2 + tilt;
    double annulusX = RandomDraws.uniform(random, 0.0, 0.4) * lv.diameterCm();
    double originX = annulusX - lv.cavityLength(0) * Math.sin(angle);
    double gap = RandomDraws.uniform(random, 0.03, 0.1) * lv.diameterCm();
    return placedBelow(angle, originX, chestWallCm + gap);
  }
}
