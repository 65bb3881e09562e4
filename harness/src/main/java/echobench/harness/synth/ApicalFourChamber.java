package echobench.harness.synth;

import java.util.SplittableRandom;

/**
 * Apical four-chamber view: apex at the top, the left ventricle on the right of the image and the
 * right ventricle on the left, separated by the interventricular septum; the atria below the mitral
 * and tricuspid annuli. Heart coordinates: {@code v > 0} is the left ventricle's lateral wall,
 * {@code v < 0} the septum and the right heart.
 */
final class ApicalFourChamber extends LongAxisView {
  /** Right-ventricular cavity length and half width at end-diastole, × LV length and diameter. */
  private static final double RV_LENGTH = 0.8;
  private static final double RV_HALF_WIDTH = 0.36;
  /** Right-ventricular shortening at end-systole, along and across its axis. */
  private static final double RV_LONG_SHORTENING = 0.16;
  private static final double RV_SHORT_SHORTENING = 0.14;
  /** Where the tricuspid annulus cuts the right-ventricular ellipse, as for the left one. */
  private static final double RV_TRUNCATION = 0.5;
  /** The tricuspid annulus sits this much nearer the apex than the mitral one, × LV length. */
  private static final double TRICUSPID_OFFSET = 0.07;
  /** Right-ventricular free wall, × LV diameter. */
  private static final double RV_WALL = 0.08;
  /** End-diastolic atrial lengths (annulus to roof), × LV length; half widths × LV diameter. */
  private static final double LA_LENGTH = 0.45;
  private static final double RA_LENGTH = 0.42;
  private static final double LA_HALF_WIDTH = 0.42;
  private static final double RA_HALF_WIDTH = 0.38;
  /** Lateral offsets of the atrial centres from their annulus centres, × LV diameter. */
  private static final double LA_OFFSET = -0.05;
  private static final double RA_OFFSET = 0.1;
  /** The annulus cuts an atrial ellipse this far (× its semi-axis) before the ellipse's centre. */
  private static final double ATRIAL_CUT = 0.7;
  /** Atrial wall, × LV diameter; atrial narrowing at the peak of atrial systole. */
  private static final double ATRIAL_WALL = 0.05;
  private static final double ATRIAL_SQUEEZE = 0.12;
  /** Fat in the atrioventricular grooves around the atria, × LV diameter. */
  private static final double GROOVE_FAT = 0.06;

  ApicalFourChamber(LeftVentricle lv) {
    super(lv);
  }

  @Override
  HeartSection section(CyclePhase phase) {
    double c = phase.contraction();
    double length = lv.lengthCm();
    double diameter = lv.diameterCm();
    double base = lv.cavityLength(c);
    double annulus = lv.annulusHalfWidth(c);
    RightVentricle rv = rightVentricle(c);
    RightVentricle rvDiastole = rightVentricle(0);

    double laRoof = lv.cavityLength(0) + LA_LENGTH * length;
    double squeeze = 1 - ATRIAL_SQUEEZE * phase.atrialContraction();
    Ellipse leftAtrium = atrium(base, laRoof, LA_OFFSET * diameter,
        LA_HALF_WIDTH * diameter * squeeze);
    double raRoof = rvDiastole.base() + RA_LENGTH * length;
    Ellipse rightAtrium = atrium(rv.base(), raRoof, rvDiastole.centerV() + RA_OFFSET * diameter,
        RA_HALF_WIDTH * diameter * squeeze);
    double atrialWall = ATRIAL_WALL * diameter;

    HeartSection.Builder layers = new HeartSection.Builder();
    addLeaflets(layers, base, -annulus, annulus, 0.55, phase.atrioventricularOpening());
    addLeaflets(layers, rv.base(), rv.centerV() - rv.annulusHalfWidth(),
        rv.centerV() + rv.annulusHalfWidth(), 0.5, phase.atrioventricularOpening());
    layers.add(Tissue.BLOOD, cavity(c), CardiacRegion.LV_CAVITY)
        .add(Tissue.BLOOD, rv.cavity())
        .add(Tissue.BLOOD, leftAtrium)
        .add(Tissue.BLOOD, rightAtrium)
        .add(Tissue.MYOCARDIUM, myocardium(c), CardiacRegion.LV_MYOCARDIUM)
        .add(Tissue.MYOCARDIUM, rv.cavity().grown(RV_WALL * diameter))
        .add(Tissue.MYOCARDIUM, leftAtrium.grown(atrialWall))
        .add(Tissue.MYOCARDIUM, rightAtrium.grown(atrialWall))
        .add(Tissue.FAT, pericardialSac())
        .add(Tissue.FAT, rvSac(rvDiastole))
        .add(Tissue.FAT, leftAtrium.grown(atrialWall + GROOVE_FAT * diameter))
        .add(Tissue.FAT, rightAtrium.grown(atrialWall + GROOVE_FAT * diameter))
        .add(Tissue.PERICARDIUM, pericardialSac().grown(PERICARDIUM * diameter))
        .add(Tissue.PERICARDIUM, rvSac(rvDiastole).grown(PERICARDIUM * diameter));
    return layers.build(stretchU(c), stretchV(c));
  }

  private Ellipse rvSac(RightVentricle rvDiastole) {
    return rvDiastole.cavity().grown((RV_WALL + PERICARDIAL_GAP) * lv.diameterCm());
  }

  /** An atrium from its annulus at {@code annulusU} to its fixed roof. */
  private static Ellipse atrium(double annulusU, double roofU, double centerV, double halfWidth) {
    double semi = (roofU - annulusU) / (1 + ATRIAL_CUT);
    return Ellipse.of(roofU - semi, centerV, semi, halfWidth).cutBelow(annulusU);
  }

  /** The right ventricle at contraction {@code c}: it lies against the septum. */
  private RightVentricle rightVentricle(double c) {
    double length = RV_LENGTH * lv.lengthCm() * (1 - RV_LONG_SHORTENING * c);
    double half = RV_HALF_WIDTH * lv.diameterCm() * (1 - RV_SHORT_SHORTENING * c);
    double base = lv.cavityLength(c) - TRICUSPID_OFFSET * lv.lengthCm();
    double semi = length / (1 + RV_TRUNCATION);
    double centerV = -(lv.semiShort(c) + lv.wallThickness(c) + half);
    return new RightVentricle(base - RV_TRUNCATION * semi, centerV, semi, half, base);
  }

  /** The right ventricle's cavity ellipse, cut at its annulus {@code base}. */
  private record RightVentricle(
      double centerU, double centerV, double semiU, double semiV, double base) {
    Ellipse cavity() {
      return Ellipse.of(centerU, centerV, semiU, semiV).cutAbove(base);
    }

    double annulusHalfWidth() {
      return semiV * Math.sqrt(1 - RV_TRUNCATION * RV_TRUNCATION);
    }
  }

  @Override
  HeartPose drawPose(SplittableRandom random, double chestWallCm) {
    double angle = Math.toRadians(RandomDraws.uniform(random, 6, 20));
    double x = RandomDraws.uniform(random, -0.05, 0.2) * lv.diameterCm();
    double gap = RandomDraws.uniform(random, 0.05, 0.12) * lv.diameterCm();
    return placedBelow(angle, x, chestWallCm + gap);
  }
}
