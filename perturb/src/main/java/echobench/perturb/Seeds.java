package echobench.perturb;

import echobench.reports.io.Sha256;
import java.nio.ByteBuffer;

/**
 * Stable seed derivation: the same run seed, video and perturbation give the same seed on every JVM,
 * locale and platform, so a shadow lands in the same place for every model and severity.
 *
 * <p>The seed is the first 8 bytes (big-endian) of SHA-256 over the run seed and the UTF-8 parts,
 * each part preceded by its length.
 */
public final class Seeds {
  private Seeds() {}

  /** {@code hash(runSeed, videoId, perturbationName)} of DESIGN §3. */
  public static long forVideo(long runSeed, String videoId, String perturbationName) {
    return derive(runSeed, videoId, perturbationName);
  }

  /** A seed derived from {@code base} and any number of string parts. */
  public static long derive(long base, String... parts) {
    Sha256 sha = Sha256.start().addLong(base);
    for (String part : parts) {
      sha.addPart(part);
    }
    return ByteBuffer.wrap(sha.bytes()).getLong();
  }
}
