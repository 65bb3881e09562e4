package echobench.harness.data;

import echobench.reports.io.InputException;
import echobench.reports.io.Numbers;
import java.util.function.Function;

/** Parsing and range checks of label values shared by the dataset loaders. */
final class Labels {
  /** Ejection fraction is a percentage. */
  static final double MAX_EF = 100;

  private Labels() {}

  /**
   * The ejection fraction written as {@code text}, in percent.
   *
   * @param error makes the exception for a message (the loader adds the file and line)
   * @throws InputException if {@code text} is not a number in plain decimal (or scientific)
   *     notation in {@code 0..100}: {@code 0x1p5}, {@code 55.5f} and {@code NaN} are refused
   */
  static float ejectionFraction(String text, Function<String, ? extends RuntimeException> error) {
    double ef = number("EF", text, error);
    if (ef < 0 || ef > MAX_EF) {
      throw error.apply("EF " + text + " is outside 0..100");
    }
    return (float) ef;
  }

  /**
   * The class index written as {@code text}: a non-negative integer in ASCII digits.
   *
   * @throws InputException otherwise
   */
  static int classIndex(String text, Function<String, ? extends RuntimeException> error) {
    String digits = text.strip();
    if (digits.matches("[0-9]{1,9}")) {
      return Integer.parseInt(digits);
    }
    throw error.apply("label \"" + text + "\" is not a class index (an integer 0 or more)");
  }

  private static double number(
      String what, String text, Function<String, ? extends RuntimeException> error) {
    try {
      return Numbers.parse(text.strip());
    } catch (NumberFormatException e) {
      throw error.apply(what + " \"" + text + "\" is not a number");
    }
  }
}
