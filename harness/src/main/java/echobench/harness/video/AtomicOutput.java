package echobench.harness.video;

import echobench.harness.BadInputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file under a temporary name in the target's directory and moves it into place only when
 * the write succeeded, so a failure or an interruption never leaves a half-written file that looks
 * whole.
 */
public final class AtomicOutput {

  /** Fills a file at the given (temporary) path. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path file) throws IOException;
  }

  private AtomicOutput() {}

  /**
   * Writes {@code target} through {@code content}. The temporary file keeps the target's suffix (a
   * codec may choose its container by it) and is deleted if {@code content} fails.
   *
   * @throws BadInputException if the target's directory does not exist or cannot be written
   */
  public static void write(Path target, Content content) {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (!Files.isDirectory(directory)) {
      throw new BadInputException(target + ": cannot write (no such directory " + directory + ")");
    }
    Path temporary = directory.resolve(temporaryName(absolute.getFileName().toString()));
    boolean moved = false;
    try {
      content.writeTo(temporary);
      move(temporary, absolute);
      moved = true;
    } catch (IOException e) {
      throw new BadInputException(target + ": cannot write (" + e.getMessage() + ")", e);
    } finally {
      if (!moved) {
        deleteQuietly(temporary);
      }
    }
  }

  private static String temporaryName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String suffix = dot > 0 ? fileName.substring(dot) : "";
    String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    return "." + fileName + "." + tag + ".part" + suffix;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The write already failed; that failure is what the caller reports.
    }
  }
}
