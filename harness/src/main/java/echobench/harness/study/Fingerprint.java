package echobench.harness.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import echobench.reports.io.InputException;
import echobench.reports.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

  private final Sha256 sha = Sha256.start();

  private Fingerprint() {}

  /** A fingerprint of {@code what} (the kind of work it identifies). */
  static Fingerprint of(String what) {
    return new Fingerprint().add(what);
  }

  /** Adds a string. */
  Fingerprint add(String part) {
    sha.addPart(part);
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
   * @throws echobench.reports.io.InputException naming the file when it cannot be read (a
   *     folder, gone, no access)
   */
  Fingerprint addFile(Path file) {
    sha.addFile(file);
    try {
      return add(Files.size(file));
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** The hexadecimal digest (the first 16 digits: ample to tell cached entries apart). */
  String hex() {
    return sha.hex().substring(0, 16);
  }
}
