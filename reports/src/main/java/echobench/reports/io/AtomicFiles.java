package echobench.reports.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The project's one atomic writer: a file (or a folder) is written under a temporary name beside
 * its target and then moved into place, so that an interrupted writer never leaves a half-written
 * file that looks whole. The temporary file is created the ordinary way, so the file that lands
 * has the permissions of any new file (0644 under umask 022), not the owner-only mode of a {@link
 * Files#createTempFile} file.
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

  /**
   * Writes {@code target}, a file the user named on the command line, through {@code content}:
   * unlike {@link #write(Path, Content)} the folder must exist already (a typo in {@code --out} is
   * not silently created), and a failure is the user's bad input, one line naming the file.
   *
   * @throws InputException if the target's folder does not exist or cannot be written
   */
  public static void writeOutput(Path target, Content content) {
    Path directory = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(directory)) {
      throw new InputException(target + ": cannot write (no such directory " + directory + ")");
    }
    try {
      write(target, content);
    } catch (UncheckedIOException e) {
      throw new InputException(target + ": cannot write (" + e.getCause().getMessage() + ")", e);
    }
  }

  /**
   * Moves {@code whole}, a completely written file beside {@code target} (one written piece by
   * piece, which {@link #write(Path, Content)} cannot express), into place, replacing
   * {@code target}.
   */
  public static void publish(Path whole, Path target) throws IOException {
    move(whole, target);
  }

  /**
   * A fresh, empty staging folder beside {@code dir} ({@code <dir>.partial}), for a folder that is
   * written file by file and then put in place whole with {@link #publishFolder}.
   */
  public static Path stagingFolder(Path dir) throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = parent.resolve(dir.getFileName() + ".partial");
    deleteTree(staging);
    return Files.createDirectories(staging);
  }

  /**
   * Moves the completely written folder {@code staging} to {@code dir}, replacing what was there:
   * the old folder is first moved aside, so {@code dir} is at every moment either the old or the
   * new folder, whole.
   */
  public static void publishFolder(Path staging, Path dir) throws IOException {
    Path old = dir.resolveSibling(dir.getFileName() + ".old");
    deleteTree(old);
    if (Files.exists(dir)) {
      Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
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
