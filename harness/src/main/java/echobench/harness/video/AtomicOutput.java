package echobench.harness.video;

import echobench.harness.BadInputException;
import echobench.reports.io.AtomicFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's atomic writer ({@link AtomicFiles}) for files a user names on the command line:
 * the folder must exist already (a typo in {@code --out} is not silently created), and a failure
 * is the user's bad input, one line naming the file.
 */
public final class AtomicOutput {

  private AtomicOutput() {}

  /**
   * Writes {@code target} through {@code content} (see {@link AtomicFiles#write(Path,
   * AtomicFiles.Content)}).
   *
   * @throws BadInputException if the target's directory does not exist or cannot be written
   */
  public static void write(Path target, AtomicFiles.Content content) {
    Path directory = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(directory)) {
      throw new BadInputException(target + ": cannot write (no such directory " + directory + ")");
    }
    try {
      AtomicFiles.write(target, content);
    } catch (UncheckedIOException e) {
      throw new BadInputException(target + ": cannot write (" + e.getCause().getMessage() + ")",
          e);
    }
  }
}
