package echobench.harness.synth;

/**
 * Who a simulated subject is: sex, age and body size. Heart size scales with the body surface area.
 *
 * @param sex {@code M} or {@code F}, as EchoNet-Pediatric writes it
 * @param ageYears age in years
 * @param heightCm height in centimetres
 * @param weightKg weight in kilograms
 */
public record Demographics(Sex sex, double ageYears, double heightCm, double weightKg) {

  /** Sex as the EchoNet-Pediatric file list writes it. */
  public enum Sex {
    M,
    F
  }

  /** Body surface area in m² by Mosteller's formula, {@code sqrt(height·weight/3600)}. */
  public double bodySurfaceArea() {
    return Math.sqrt(heightCm * weightKg / 3600);
  }
}
