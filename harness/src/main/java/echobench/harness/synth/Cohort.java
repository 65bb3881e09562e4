package echobench.harness.synth;

import echobench.harness.data.EchoView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A population to simulate: how its subjects' bodies and hearts are distributed, and how they are
 * scanned. {@link #ADULT} mirrors EchoNet-Dynamic, {@link #PEDIATRIC} EchoNet-Pediatric.
 */
public abstract sealed class Cohort permits AdultCohort, PediatricCohort {
  /** Adults: EF 15–80 % with about a fifth reduced, heart rate 50–110, adult-sized hearts. */
  public static final Cohort ADULT = new AdultCohort();
  /** Children 0–18: smaller, rounder hearts, heart rate 80–160, EF mostly 50–75. */
  public static final Cohort PEDIATRIC = new PediatricCohort();
  /** The largest fractional shortening a drawn two-chamber plane may have. */
  private static final double MAX_SHORTENING = 0.9;
  /** Mean overall gain, dB. */
  private static final double GAIN_DB = -12.5;
  /** Range of grey levels at which the noise floor displays at full depth. */
  private static final double NOISE_GREY_LOW = 0.05;
  private static final double NOISE_GREY_HIGH = 0.2;

  /** Every cohort, in the order the command line lists them. */
  public static List<Cohort> all() {
    return List.of(ADULT, PEDIATRIC);
  }

  /** The cohort called {@code name} (case-insensitive), if there is one. */
  public static Optional<Cohort> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return all().stream().filter(c -> c.name().equals(wanted)).findFirst();
  }

  /** The cohort's name on the command line: {@code adult} or {@code pediatric}. */
  public abstract String name();

  /** Draws one subject: body, heart rate and ventricle. */
  public abstract Subject drawSubject(String id, SplittableRandom random);

  /** Depth of the chest wall over the heart for this subject. */
  abstract double chestWallCm(Subject subject, SplittableRandom random);

  /** Transducer frequency used for this subject. */
  abstract double frequencyMHz(Subject subject, SplittableRandom random);

  /** Transducer frequency used for this subject when scanner settings are fixed. */
  abstract double nominalFrequencyMHz(Subject subject);

  /** Draws one recording of {@code subject} in {@code view}, scanner settings varied. */
  public Acquisition drawAcquisition(Subject subject, EchoView view, SplittableRandom random) {
    return drawAcquisition(subject, view, random, AcquisitionVariability.VARIED);
  }

  /**
   * Draws one recording of {@code subject} in {@code view}: where the heart lies, a depth that
   * holds the whole heart, and the scanner's settings. Varied, they are drawn per video
   * (docs/simulator.md gives the sources): a sector of 60–90°, a depth 2–15 % beyond the heart,
   * overall gain −12.5 ± 2 dB (within −16…−8) below the level that maps the pericardium's echo to
   * white, a dynamic range of 45–65 dB, a far field left 0.1–0.6 dB/cm too dark by the time-gain
   * compensation and a near field turned 0–6 dB down, near-field clutter of −38…−24 dB at the skin,
   * the cohort's transducer frequencies, and an electronic noise floor that the sonographer's gain
   * leaves just visible: it shows at grey 0.05–0.2 at full depth. Fixed, the same numbers are
   * drawn and every scanner setting is replaced by the middle of its range ({@link
   * AcquisitionVariability#FIXED}).
   */
  public Acquisition drawAcquisition(Subject subject, EchoView view, SplittableRandom random,
      AcquisitionVariability variability) {
    ViewAnatomy anatomy = ViewAnatomy.of(view, subject.leftVentricle());
    double chestWall = chestWallCm(subject, random);
    HeartPose pose = anatomy.drawPose(random, chestWall);
    double depthMargin = RandomDraws.uniform(random, 1.02, 1.15);
    double halfAngle = Math.toRadians(RandomDraws.uniform(random, 30, 45));
    double frequency = frequencyMHz(subject, random);
    double gain = RandomDraws.truncatedNormal(random, GAIN_DB, 2, -16, -8);
    double dynamicRange = RandomDraws.uniform(random, 45, 65);
    // The sonographer sets the gain so that the electronic noise is just visible at the bottom of
    // the sector: the noise floor is drawn as the grey level it displays at.
    double noiseGrey = RandomDraws.uniform(random, NOISE_GREY_LOW, NOISE_GREY_HIGH);
    double noiseFloor = (noiseGrey - 1) * dynamicRange - gain;
    double tgcResidual = RandomDraws.uniform(random, 0.1, 0.6);
    double tgcNear = RandomDraws.uniform(random, -6, 0);
    double clutter = RandomDraws.uniform(random, -38, -24);
    double myocardium = RandomDraws.truncatedNormal(random, 0, 1.5, -4, 4);
    double coherence = RandomDraws.uniform(random, 0.55, 0.8);
    double frameCorrelation = RandomDraws.uniform(random, 0.3, 0.6);
    double start = RandomDraws.uniform(random, 0, 60 / subject.heartRateBpm());
    long seed = random.nextLong();
    if (variability == AcquisitionVariability.FIXED) {
      depthMargin = 1.085;
      halfAngle = Math.toRadians(37.5);
      frequency = nominalFrequencyMHz(subject);
      gain = GAIN_DB;
      dynamicRange = 55;
      noiseFloor = ((NOISE_GREY_LOW + NOISE_GREY_HIGH) / 2 - 1) * dynamicRange - gain;
      tgcResidual = 0.35;
      tgcNear = -3;
      clutter = -31;
    }
    return new Acquisition(view, pose, anatomy.deepestCm(pose) * depthMargin, halfAngle, chestWall,
        frequency, gain, dynamicRange, noiseFloor, tgcResidual, tgcNear, clutter, myocardium,
        coherence, frameCorrelation, start, seed);
  }

  /**
   * {@code subject} with a two-chamber plane of its own, for cohorts recorded in both apical views:
   * that plane's end-diastolic width is 0.85–1.15 times the four-chamber one (normal, sd 0.06), and
   * its walls (anterior and inferior) shorten like the four-chamber walls (ratio normal 1 ± 0.1
   * within 0.75–1.25) or, in a regional wall-motion abnormality, only 40–80 % as much. Such an
   * abnormality affects 35 % of the ventricles whose four-chamber ejection fraction is below 50 %
   * and 10 % of the others. Everything else about the subject, the four-chamber view included,
   * stays as it was.
   */
  public Subject withTwoChamberPlane(Subject subject, SplittableRandom random) {
    LeftVentricle lv = subject.leftVentricle();
    double widthRatio = RandomDraws.truncatedNormal(random, 1, 0.06, 0.85, 1.15);
    boolean abnormal =
        RandomDraws.chance(random, lv.singlePlaneEjectionFraction() < 50 ? 0.35 : 0.1);
    double motionRatio = abnormal
        ? RandomDraws.uniform(random, 0.4, 0.8)
        : RandomDraws.truncatedNormal(random, 1, 0.1, 0.75, 1.25);
    motionRatio = Math.min(motionRatio, MAX_SHORTENING / lv.shortAxisShortening());
    return new Subject(subject.id(), subject.demographics(), subject.heartRateBpm(),
        subject.earlyFillingShare(), lv.withTwoChamberPlane(widthRatio, motionRatio));
  }

  /**
   * How much larger a failing ventricle is: 1 at EF ≥ 52 %, rising linearly to 1.9 at EF 15 %
   * (dilated cardiomyopathy remodels the ventricle larger, rounder and thinner-walled).
   */
  static double dilation(double efPercent) {
    return 1 + 0.9 * Math.max(0, 52 - efPercent) / 37;
  }

  @Override
  public String toString() {
    return name();
  }
}
