package echobench.reports.io;

import java.math.BigDecimal;

/**
 * Deterministic, locale-free number text for tables: a double is written in plain decimal notation
 * with exactly the digits {@link Double#toString} needs to read back the same value, so the same
 * input always gives the same bytes and a write–read round trip is exact.
 */
public final class Numbers {
  private Numbers() {}

  /** Plain decimal text of a finite {@code value} ({@code 4.87}, {@code 0.0235}, {@code 12}). */
  public static String plain(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == 0.0) {
      return "0";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /**
   * Parses decimal or scientific text into a finite double.
   *
   * @throws NumberFormatException for anything else, including {@code NaN} and infinities
   */
  public static double parse(String text) {
    if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw new NumberFormatException("\"" + text + "\" is not a number");
    }
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw new NumberFormatException("\"" + text + "\" is out of range");
    }
    return value;
  }
}
