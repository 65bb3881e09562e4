package echobench.reports.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The project's one SHA-256 helper: the hexadecimal digest of bytes, of a string (UTF-8) or of a
 * file (streamed, so a weights file of gigabytes needs no more memory than a small one), and an
 * incremental digest for seeds and cache fingerprints, whose string parts are length-prefixed so
 * that {@code ("ab", "c")} and {@code ("a", "bc")} differ. The hex digests are the ones
 * {@code sha256sum} and Python's {@code hashlib} print.
 */
public final class Sha256 {
  private static final int BUFFER_BYTES = 1 << 16;

  private final MessageDigest digest;

  private Sha256() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** An empty incremental digest. */
  public static Sha256 start() {
    return new Sha256();
  }

  /** The digest of {@code bytes}, 64 lowercase hexadecimal digits. */
  public static String hex(byte[] bytes) {
    return start().add(bytes).hex();
  }

  /** The digest of {@code text}'s UTF-8 bytes, 64 lowercase hexadecimal digits. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The digest of {@code file}'s bytes, 64 lowercase hexadecimal digits.
   *
   * @throws InputException naming the file when it cannot be read (a folder, gone, no access)
   */
  public static String hexOfFile(Path file) {
    return start().addFile(file).hex();
  }

  /** Adds {@code bytes} as they are. */
  public Sha256 add(byte[] bytes) {
    digest.update(bytes);
    return this;
  }

  /** Adds {@code value} as 8 big-endian bytes. */
  public Sha256 addLong(long value) {
    return add(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
  }

  /** Adds {@code part}'s UTF-8 bytes preceded by their count as 4 big-endian bytes. */
  public Sha256 addPart(String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
    return this;
  }

  /**
   * Adds {@code file}'s bytes, read in blocks.
   *
   * @throws InputException naming the file when it cannot be read
   */
  public Sha256 addFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw InputException.in(file, "cannot read (" + e.getMessage() + ")");
    }
    return this;
  }

  /** The digest of everything added (which ends this digest). */
  public byte[] bytes() {
    return digest.digest();
  }

  /** The digest of everything added, 64 lowercase hexadecimal digits (which ends this digest). */
  public String hex() {
    return HexFormat.of().formatHex(bytes());
  }
}
