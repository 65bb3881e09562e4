package echobench.harness.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Files the study tests share: a file of the project found from the test's working folder, and
 * SHA-256 computed independently of the project's own {@code Sha256}, so the hashes the project
 * records are checked against a second implementation, not against themselves.
 */
final class TestFiles {
  private TestFiles() {}

  /** {@code relative} in the first folder at or above the working folder that holds it. */
  static Path projectFile(String relative) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(relative))) {
        return d.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above the test's folder");
  }

  /** The SHA-256 of {@code file}'s bytes, 64 lowercase hexadecimal digits. */
  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
