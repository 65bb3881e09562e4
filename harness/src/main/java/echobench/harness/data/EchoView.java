package echobench.harness.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The standard transthoracic echocardiography views EchoBench knows. The class index of a view (its
 * {@link #classIndex()}) is the integer a view-classification probe predicts.
 */
public enum EchoView {
  /** Apical four-chamber: both ventricles and both atria, apex at the top. */
  A4C,
  /** Apical two-chamber: left ventricle and left atrium only. */
  A2C,
  /**
   * Parasternal long axis: right ventricular outflow, septum, left ventricle, aortic root, atrium.
   */
  PLAX,
  /**
   * Parasternal short axis at the papillary muscles: a round left ventricle, a crescent right one.
   */
  PSAX;

  /** The integer label of this view. */
  public int classIndex() {
    return ordinal();
  }

  /** The view named {@code name} (case-insensitive), if there is one. */
  public static Optional<EchoView> named(String name) {
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(v -> v.name().equals(wanted)).findFirst();
  }

  /** The names of all views, comma-separated, for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
