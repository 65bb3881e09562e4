package echobench.harness;

/**
 * A problem with what the user gave us (a missing or unreadable file, a malformed row, an unknown
 * name): reported as one line on stderr with exit status 2, never as a stack trace.
 *
 * <p>The message names the file and, where there is one, the line: {@code FileList.csv:17: EF
 * "abc" is not a number}.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
