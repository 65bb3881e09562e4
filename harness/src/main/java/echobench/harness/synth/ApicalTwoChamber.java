package echobench.harness.synth;

import java.util.SplittableRandom;

/**
 * Apical two-chamber view: the left ventricle alone, its inferior wall on the left of the image
 * ({@code v < 0}) and its anterior wall on the right, the left atrium below the mitral annulus. No
 * right heart: that is what tells it from the four-chamber view.
 */
final class ApicalTwoChamber extends LongAxisView {
  /** End-diastolic atrial length (annulus to roof) × LV length; half width × LV diameter. */
  private static final double LA_LENGTH = 0.5;
  private static final double LA_HALF_WIDTH = 0.45;
  /** The annulus cuts the atrial ellipse this far (× its semi-axis) before the ellipse's centre. */
  private static final double ATRIAL_CUT = 0.7;
  private static final double ATRIAL_WALL = 0.05;
  private static final double ATRIAL_SQUEEZE = 0.12;
  private static final double GROOVE_FAT = 0.06;

  ApicalTwoChamber(LeftVentricle lv) {
    super(lv);
  }

  @Override
  HeartSection section(CyclePhase phase) {
    double c = phase.contraction();
    double diameter = lv.diameterCm();
    double base = lv.cavityLength(c);
    double annulus = lv.annulusHalfWidth(c);
    double roof = lv.cavityLength(0) + LA_LENGTH * lv.lengthCm();
    double semi = (roof - base) / (1 + ATRIAL_CUT);
    double half = LA_HALF_WIDTH * diameter * (1 - ATRIAL_SQUEEZE * phase.atrialContraction());
    Ellipse atrium = Ellipse.of(roof - semi, 0, semi, half).cutBelow(base);
    double atrialWall = ATRIAL_WALL * diameter;

    HeartSection.Builder layers = new HeartSection.Builder();
    addLeaflets(layers, base, -annulus, annulus, 0.5, phase.atrioventricularOpening());
    layers.add(Tissue.BLOOD, cavity(c), CardiacRegion.LV_CAVITY)
        .add(Tissue.BLOOD, atrium)
        .add(Tissue.MYOCARDIUM, myocardium(c), CardiacRegion.LV_MYOCARDIUM)
        .add(Tissue.MYOCARDIUM, atrium.grown(atrialWall))
        .add(Tissue.FAT, pericardialSac())
        .add(Tissue.FAT, atrium.grown(atrialWall + GROOVE_FAT * diameter))
        .add(Tissue.PERICARDIUM, pericardialSac().grown(PERICARDIUM * diameter));
    return layers.build(stretchU(c), stretchV(c));
  }

  @Override
  HeartPose drawPose(SplittableRandom random, double chestWallCm) {
    double angle = Math.toRadians(RandomDraws.uniform(random, -8, 8));
    double x = RandomDraws.uniform(random, -0.15, 0.15) * lv.diameterCm();
    double gap = RandomDraws.uniform(random, 0.05, 0.12) * lv.diameterCm();
    return placedBelow(angle, x, chestWallCm + gap);
  }
}
