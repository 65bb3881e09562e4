package echobench.reports.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The project's one atomic writer: a file is written under a temporary name in its folder and
 * then moved into place, so that an interrupted writer never leaves a half-written file that
 * looks whole. The temporary file is created the ordinary way, so the file that lands has the
 * permissions of any new file (0644 under umask 022), not the owner-only mode of a
 * {@link Files#createTempFile} file.
 */
public final class AtomicFiles {
  /** Fills a file at the given (temporary) path. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole file at {@code file}, which does not exist yet. */
    void writeTo(Path file) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8. */
  public static void writeString(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes}, creating missing parent folders. */
  public static void write(Path file, byte[] bytes) {
    write(file, temporary -> Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE));
  }

  /**
   * Writes {@code file} through {@code content}, creating missing parent folders. The temporary
   * file keeps the target's suffix (a codec may choose its container by it) and is deleted when
   * {@code content} fails.
   *
   * @throws UncheckedIOException naming {@code file} when it cannot be written
   */
  public static void write(Path file, Content content) {
    Path target = file.toAbsolutePath();
    Path temporary = target.resolveSibling(temporaryName(target.getFileName().toString()));
    boolean moved = false;
    try {
      Files.createDirectories(target.getParent());
      content.writeTo(temporary);
      move(temporary, target);
      moved = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
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

  private static void deleteQuietly(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // The write already failed; that failure is the one reported.
    }
  }
}
