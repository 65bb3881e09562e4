package echobench.perturb;

import echobench.reports.io.InputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a severity means for the sector-aware suite: each family's published parameters, or the
 * calibrated levels of {@link SeverityTable} (severity {@code k} takes away the same share of the
 * cavity–myocardium contrast-to-noise ratio in every calibrated family). The EchoJEPA presets, and
 * the families left out of calibration, keep their published parameters on both scales.
 */
public enum SeverityScale {
  /** Each family's own published parameters (the default). */
  PUBLISHED,
  /** The same CNR loss at the same severity in every calibrated family. */
  CALIBRATED;

  /**
   * The scale named {@code text} (case-insensitive).
   *
   * @throws InputException naming the known scales if there is none
   */
  public static SeverityScale parse(String text) {
    for (SeverityScale scale : values()) {
      if (scale.toString().equalsIgnoreCase(text)) {
        return scale;
      }
    }
    throw new InputException("unknown severity scale '" + text + "' (known: "
        + Arrays.stream(values()).map(SeverityScale::toString).collect(Collectors.joining(", "))
        + ")");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
