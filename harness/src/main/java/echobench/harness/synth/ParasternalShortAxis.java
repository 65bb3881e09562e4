package echobench.harness.synth;

import java.util.SplittableRandom;

/**
 * Parasternal short-axis view at the papillary muscles: the left ventricle is a ring of myocardium
 * around a round cavity holding the two papillary muscles, the right ventricle a crescent wrapped
 * around it towards the transducer and the image's left, the pericardium around both. Heart
 * coordinates: origin at the cavity's centre, {@code u} pointing away from the transducer, {@code
 * v} to the image's right.
 */
final class ParasternalShortAxis extends ViewAnatomy {
  /** The plane cuts the ventricle a little off its equator: cavity radius × short semi-axis. */
  private static final double LEVEL = 0.92;
  /** Papillary muscles: radius × cavity radius; directions (u, v), anterolateral, posteromedial. */
  private static final double PAPILLARY = 0.2;
  private static final double[][] PAPILLARY_DIRECTIONS = {{0.5, 0.87}, {0.71, -0.71}};
  /** Direction (u, v) from the left-ventricular centre to the right ventricle's. */
  private static final double RV_DIRECTION_U = -0.6;
  private static final double RV_DIRECTION_V = -0.8;
  /** Right-ventricular crescent: its ellipse's centre distance and semi-axes, × LV outer radius. */
  private static final double RV_DISTANCE = 0.75;
  private static final double RV_RADIAL = 0.8;
  private static final double RV_TANGENTIAL = 1.3;
  private static final double RV_SHORTENING = 0.12;
  /** Right-ventricular free wall, epicardial fat and pericardium, × LV diameter. */
  private static final double RV_WALL = 0.08;
  private static final double PERICARDIAL_GAP = 0.03;
  private static final double PERICARDIUM = 0.04;

  ParasternalShortAxis(LeftVentricle lv) {
    super(lv);
  }

  /** Cavity radius at contraction {@code c}. */
  private double cavityRadius(double c) {
    return LEVEL * lv.semiShort(c);
  }

  /** Wall thickness at contraction {@code c}: the ring keeps its end-diastolic area. */
  private double wall(double c) {
    double r0 = cavityRadius(0);
    double outer0 = r0 + lv.wallCm();
    double r = cavityRadius(c);
    return Math.sqrt(r * r + outer0 * outer0 - r0 * r0) - r;
  }

  @Override
  HeartSection section(CyclePhase phase) {
    double c = phase.contraction();
    double diameter = lv.diameterCm();
    double radius = cavityRadius(c);
    double outer = radius + wall(c);
    double outerDiastole = cavityRadius(0) + lv.wallCm();

    HeartSection.Builder layers = new HeartSection.Builder();
    double papillary = PAPILLARY * radius;
    for (double[] direction : PAPILLARY_DIRECTIONS) {
      double reach = radius - 0.6 * papillary;
      layers.add(Tissue.MYOCARDIUM,
          Ellipse.circle(reach * direction[0], reach * direction[1], papillary));
    }
    Ellipse rv = rightVentricle(outer, 1 - RV_SHORTENING * c);
    Ellipse rvDiastole = rightVentricle(outerDiastole, 1);
    Ellipse sac = Ellipse.circle(0, 0, outerDiastole + PERICARDIAL_GAP * diameter);
    Ellipse rvSac = rvDiastole.grown((RV_WALL + PERICARDIAL_GAP) * diameter);
    layers.add(Tissue.BLOOD, Ellipse.circle(0, 0, radius), CardiacRegion.LV_CAVITY)
        .add(Tissue.MYOCARDIUM, Ellipse.circle(0, 0, outer), CardiacRegion.LV_MYOCARDIUM)
        .add(Tissue.BLOOD, rv)
        .add(Tissue.MYOCARDIUM, rv.grown(RV_WALL * diameter))
        .add(Tissue.FAT, sac)
        .add(Tissue.FAT, rvSac)
        .add(Tissue.PERICARDIUM, sac.grown(PERICARDIUM * diameter))
        .add(Tissue.PERICARDIUM, rvSac.grown(PERICARDIUM * diameter));
    double stretch = cavityRadius(0) / radius;
    return layers.build(stretch, stretch);
  }

  /** The crescent's ellipse for a left ventricle of outer radius {@code outer}. */
  private static Ellipse rightVentricle(double outer, double squeeze) {
    double distance = RV_DISTANCE * outer;
    return Ellipse.of(distance * RV_DIRECTION_U, distance * RV_DIRECTION_V,
            RV_RADIAL * outer * squeeze, RV_TANGENTIAL * outer)
        .rotated(Math.atan2(RV_DIRECTION_V, RV_DIRECTION_U));
  }

  @Override
  double motionWeight(double u, double v) {
    double distance = Math.hypot(u, v) / (cavityRadius(0) + lv.wallCm());
    return Math.max(0, Math.min(1, (1.6 - distance) / 0.6));
  }

  @Override
  HeartPose drawPose(SplittableRandom random, double chestWallCm) {
    double angle = Math.toRadians(RandomDraws.uniform(random, -12, 12));
    double x = RandomDraws.uniform(random, 0.0, 0.25) * lv.diameterCm();
    double gap = RandomDraws.uniform(random, 0.03, 0.1) * lv.diameterCm();
    return placedBelow(angle, x, chestWallCm + gap);
  }
}
