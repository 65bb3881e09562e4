package echobench.harness.synth;

import java.util.List;
import java.util.Locale;

/**
 * The file-list columns that record the scanner settings of a simulated video, written after a
 * cohort's other columns: {@code Gain} (dB), {@code TGCSlope} (dB/cm of far-field loss left by
 * the time-gain compensation), {@code TGCNear} (dB at the skin), {@code Depth} (cm),
 * {@code DynamicRange} (dB), {@code SectorWidth} (degrees, the full opening angle),
 * {@code Frequency} (MHz), {@code NoiseFloor} (dB at full depth) and {@code Clutter} (dB at the
 * skin), each with a fixed number of decimals.
 */
public final class AcquisitionColumns {
  /** The column names, in the order they are written. */
  public static final List<String> NAMES = List.of("Gain", "TGCSlope", "TGCNear", "Depth",
      "DynamicRange", "SectorWidth", "Frequency", "NoiseFloor", "Clutter");

  private AcquisitionColumns() {}

  /** The values of {@link #NAMES} for one recording. */
  public static List<String> values(Acquisition acquisition) {
    return List.of(fixed(acquisition.gainDb(), 2), fixed(acquisition.tgcResidualDbPerCm(), 3),
        fixed(acquisition.tgcNearDb(), 2), fixed(acquisition.depthCm(), 3),
        fixed(acquisition.dynamicRangeDb(), 2),
        fixed(Math.toDegrees(2 * acquisition.halfAngle()), 2),
        fixed(acquisition.frequencyMHz(), 3), fixed(acquisition.noiseFloorDb(), 2),
        fixed(acquisition.clutterDb(), 2));
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
