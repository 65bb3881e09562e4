package echobench.models.nn;

/**
 * Forces what the JVM would otherwise do at an unpredictable moment: a collection that frees the
 * direct buffers nothing references any more. Tests call it between a forward and a backward pass
 * to show that gradients do not depend on when the collector runs.
 */
public final class GarbageCollection {
  private GarbageCollection() {}

  /** Collects several times, giving the reference handler time to run the buffers' cleaners. */
  public static void collectNow() {
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while collecting", e);
      }
    }
  }
}
