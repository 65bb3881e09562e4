package echobench.harness.synth;

import echobench.harness.synth.Demographics.Sex;
import java.util.SplittableRandom;

/**
 * Adults aged 25–90, as in EchoNet-Dynamic: 22 % with reduced ejection fraction (uniform 15–50 %),
 * the rest normal (61 ± 6.5 %, within 45–80 %); heart rate 72 ± 11 bpm within 50–110, faster in
 * failing hearts; end-diastolic volume 50 mL per m² of body surface, enlarged by failure; an
 * elongated ventricle (length about 1.9 diameters); transducers of 1.7–3.2 MHz.
 */
final class AdultCohort extends Cohort {
  private static final double REDUCED_SHARE = 0.22;

  @Override
  public String name() {
    return "adult";
  }

  @Override
  public Subject drawSubject(String id, SplittableRandom random) {
    Sex sex = RandomDraws.chance(random, 0.5) ? Sex.M : Sex.F;
    double age = RandomDraws.uniform(random, 25, 90);
    double height = sex == Sex.M
        ? RandomDraws.truncatedNormal(random, 176, 7, 155, 200)
        : RandomDraws.truncatedNormal(random, 163, 6.5, 145, 185);
    double weight = Math.max(40, Math.min(160,
        RandomDraws.logNormal(random, sex == Sex.M ? 84 : 71, 0.18)));
    Demographics body = new Demographics(sex, age, height, weight);

    double ef = RandomDraws.chance(random, REDUCED_SHARE)
        ? RandomDraws.uniform(random, 15, 50)
        : RandomDraws.truncatedNormal(random, 61, 6.5, 45, 80);
    double dilation = dilation(ef);
    double heartRate = RandomDraws.truncatedNormal(random, 72 + 10 * (dilation - 1), 11, 50, 110);
    double edv = 50 * body.bodySurfaceArea() * RandomDraws.logNormal(random, 1, 0.15) * dilation;
    double aspect =
        RandomDraws.truncatedNormal(random, 1.9 - 0.35 * (dilation - 1), 0.1, 1.35, 2.3);
    double truncation = RandomDraws.uniform(random, 0.5, 0.7);
    double longAxisShare = RandomDraws.uniform(random, 0.3, 0.5);
    double wall = RandomDraws.truncatedNormal(random, 1.0 / Math.sqrt(dilation), 0.1, 0.6, 1.4);
    double earlyFilling = RandomDraws.uniform(random, 0.55, 0.8);
    LeftVentricle lv =
        LeftVentricle.withVolumes(edv, ef, aspect, truncation, longAxisShare, wall);
    return new Subject(id, body, heartRate, earlyFilling, lv);
  }

  @Override
  double chestWallCm(Subject subject, SplittableRandom random) {
    Demographics body = subject.demographics();
    double bmi = body.weightKg() / Math.pow(body.heightCm() / 100, 2);
    return RandomDraws.uniform(random, 1.2, 2.6) + 0.06 * Math.max(0, bmi - 25);
  }

  @Override
  double frequencyMHz(Subject subject, SplittableRandom random) {
    return RandomDraws.uniform(random, 1.7, 3.2);
  }

  @Override
  double nominalFrequencyMHz(Subject subject) {
    return 2.5;
  }
}
