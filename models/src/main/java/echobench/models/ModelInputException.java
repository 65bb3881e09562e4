package echobench.models;

/**
 * A model input the user can fix: an unreadable or inconsistent checkpoint, a weights file whose keys
 * or shapes do not match the architecture, an invalid device or pretraining setting. The message
 * names the file (and the offending keys) and is meant to be shown as one line.
 */
public class ModelInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An error with a one-line message naming the input. */
  public ModelInputException(String message) {
    super(message);
  }

  /** An error with a one-line message and its cause. */
  public ModelInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
