package echobench.harness.synth;

/**
 * One simulated patient: body, heart rate and left ventricle. Every view of the patient shows this
 * same heart, so every video of the patient carries the same ejection fraction.
 *
 * @param id the patient's identifier
 * @param demographics sex, age and body size
 * @param heartRateBpm heart rate in beats per minute
 * @param earlyFillingShare share of ventricular filling in early diastole (the rest is atrial)
 * @param leftVentricle the beating left ventricle; its volumes are the labels
 */
public record Subject(
    String id, Demographics demographics, double heartRateBpm, double earlyFillingShare,
    LeftVentricle leftVentricle) {

  /** Ejection fraction in percent, measured on the simulated ventricle. */
  public double ejectionFraction() {
    return leftVentricle.ejectionFraction();
  }
}
