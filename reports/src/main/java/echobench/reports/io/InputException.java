package echobench.reports.io;

import java.nio.file.Path;

/**
 * A problem with what the user gave us (a missing or unreadable file, a malformed row or key, an
 * unknown name, a setting out of range): the command line reports it as one line on stderr with
 * exit status 2, never as a stack trace.
 *
 * <p>The message names the file and, where there is one, the line: {@code FileList.csv:17: EF
 * "abc" is not a number}.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a one-line message naming the input. */
  public InputException(String message) {
    super(message);
  }

  /** An error with a one-line message and its cause. */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code <file>:<line>: <what>}. */
  public static InputException at(Path file, int line, String what) {
    return new InputException(file + ":" + line + ": " + what);
  }

  /** {@code <file>: <what>}, for a problem that belongs to no single line. */
  public static InputException in(Path file, String what) {
    return new InputException(file + ": " + what);
  }
}
