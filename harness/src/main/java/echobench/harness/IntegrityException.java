package echobench.harness;

/**
 * A run-integrity invariant that failed: a group of predictions that does not cover exactly the
 * videos that went in, in the same order and with their own labels, or a clip that is not the
 * video it was cut for. EchoBench's own pipeline produced it, so it is one of our bugs (exit
 * status 3), but it is reported as one line naming the model, dataset and condition, and the run
 * stops before any table is written: such a result is never a warning.
 */
public class IntegrityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IntegrityException(String message) {
    super(message);
  }
}
