package echobench.harness.synth;

import echobench.harness.synth.Demographics.Sex;
import java.util.SplittableRandom;

/**
 * Children aged 0–18, as in EchoNet-Pediatric: body size from the growth charts; 12 % with systolic
 * dysfunction (EF uniform 20–50 %), the rest normal (63 ± 5 %, within 50–78 %); heart rate falling
 * with age from about 150 bpm in infancy to 80 in adolescence, within 80–160; end-diastolic volume
 * {@code 62·BSA^1.35} mL; a ventricle a little rounder than an adult's (length 1.7 diameters in
 * infancy, 1.85 from age 12, against the adult 1.9; failure rounds it as in adults); a thin chest
 * wall and transducers of 3.5–7.5 MHz, higher for smaller children.
 */
final class PediatricCohort extends Cohort {
  private static final double REDUCED_SHARE = 0.12;

  @Override
  public String name() {
    return "pediatric";
  }

  @Override
  public Subject drawSubject(String id, SplittableRandom random) {
    Sex sex = RandomDraws.chance(random, 0.5) ? Sex.M : Sex.F;
    double age = RandomDraws.uniform(random, 0, 18);
    double height = GrowthChart.height(sex, age)
        * RandomDraws.truncatedNormal(random, 1, 0.04, 0.88, 1.12);
    double weight = GrowthChart.weight(sex, age) * RandomDraws.logNormal(random, 1, 0.12);
    Demographics body = new Demographics(sex, age, height, weight);
    double bsa = body.bodySurfaceArea();

    double ef = RandomDraws.chance(random, REDUCED_SHARE)
        ? RandomDraws.uniform(random, 20, 50)
        : RandomDraws.truncatedNormal(random, 63, 5, 50, 78);
    double dilation = dilation(ef);
    double typicalRate = 80 + 70 * Math.exp(-age / 5);
    double heartRate =
        RandomDraws.truncatedNormal(random, typicalRate, 0.08 * typicalRate, 80, 160);
    double edv = 62 * Math.pow(bsa, 1.35) * RandomDraws.logNormal(random, 1, 0.12) * dilation;
    double aspect = RandomDraws.truncatedNormal(random,
        1.7 + 0.15 * Math.min(age, 12) / 12 - 0.35 * (dilation - 1), 0.08, 1.35, 2.2);
    double truncation = RandomDraws.uniform(random, 0.5, 0.7);
    double longAxisShare = RandomDraws.uniform(random, 0.3, 0.5);
    double wall = (0.2 + 0.55 * Math.sqrt(bsa))
        * RandomDraws.truncatedNormal(random, 1, 0.08, 0.8, 1.2) / Math.sqrt(dilation);
    double earlyFilling = RandomDraws.uniform(random, 0.7, 0.85);
    LeftVentricle lv =
        LeftVentricle.withVolumes(edv, ef, aspect, truncation, longAxisShare, wall);
    return new Subject(id, body, heartRate, earlyFilling, lv);
  }

  @Override
  double chestWallCm(Subject subject, SplittableRandom random) {
    return (0.4 + 0.7 * Math.sqrt(subject.demographics().bodySurfaceArea()))
        * RandomDraws.uniform(random, 0.8, 1.2);
  }

  @Override
  double frequencyMHz(Subject subject, SplittableRandom random) {
    return nominalFrequencyMHz(subject) * RandomDraws.uniform(random, 0.93, 1.07);
  }

  @Override
  double nominalFrequencyMHz(Subject subject) {
    double bsa = subject.demographics().bodySurfaceArea();
    return Math.max(3.5, Math.min(7.5, 7.5 - 2.5 * bsa));
  }
}
