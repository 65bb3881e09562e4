package echobench.harness.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import echobench.harness.BadInputException;
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
 * A SHA-256 over everything that determines a piece of cached work (a pretrained encoder, a
 * trained probe, one group of predictions), so a resumed run reuses a result exactly when its
 * inputs are unchanged. Parts are length-prefixed, so {@code ("ab","c")} and {@code ("a","bc")}
 * differ.
 */
final class Fingerprint {
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private final MessageDigest sha;

  private Fingerprint() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** A fingerprint of {@code what} (the kind of work it identifies). */
  static Fingerprint of(String what) {
    return new Fingerprint().add(what);
  }

  /** Adds a string. */
  Fingerprint add(String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    sha.update(bytes);
    return this;
  }

  /** Adds a number. */
  Fingerprint add(long part) {
    return add(Long.toString(part));
  }

  /** Adds a value as canonical JSON (sorted keys), so a config's formatting does not matter. */
  Fingerprint addJson(Object value) {
    try {
      return add(CANONICAL.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value, e);
    }
  }

  /**
   * Adds the content of {@code file}, an input the user gave.
   *
   * @throws BadInputException naming the file when it cannot be read (a folder, gone, no access)
   */
  Fingerprint addFile(Path file) {
    try {
      update(sha, file);
      return add(Files.size(file));
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The plain SHA-256 of {@code file}'s bytes, all 64 hexadecimal digits: the digest {@code
   * sha256sum} and Python's {@code hashlib} print, recorded in {@code run.json} and compared with
   * an export manifest's.
   */
  static String sha256(Path file) {
    MessageDigest digest = new Fingerprint().sha;
    try {
      update(digest, file);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest sha, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        sha.update(buffer, 0, read);
      }
    }
  }

  /** The hexadecimal digest (the first 16 digits: ample to tell cached entries apart). */
  String hex() {
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }
}
