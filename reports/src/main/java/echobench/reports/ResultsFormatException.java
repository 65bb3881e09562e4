package echobench.reports;

import java.nio.file.Path;

/**
 * A results, predictions, summary or gate-rules file that is missing, unreadable or does not follow
 * its schema. The message names the file and, where there is one, the line:
 * {@code runs/a/results.csv:17: severity "x" is not an integer}.
 *
 * <p>The command line reports it as one line on stderr with exit status 2.
 */
public class ResultsFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResultsFormatException(String message) {
    super(message);
  }

  public ResultsFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code <file>:<line>: <what>}. */
  public static ResultsFormatException at(Path file, int line, String what) {
    return new ResultsFormatException(file + ":" + line + ": " + what);
  }

  /** {@code <file>: <what>}, for a problem that belongs to no single line. */
  public static ResultsFormatException in(Path file, String what) {
    return new ResultsFormatException(file + ": " + what);
  }
}
