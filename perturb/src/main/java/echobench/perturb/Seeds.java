package echobench.perturb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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
    MessageDigest sha = sha256();
    sha.update(ByteBuffer.allocate(Long.BYTES).putLong(base).array());
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      sha.update(bytes);
    }
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
