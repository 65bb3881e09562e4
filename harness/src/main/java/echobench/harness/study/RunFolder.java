package echobench.harness.study;

import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A run folder and its marker (DESIGN §8): a run writes {@value #MARKER} into its folder before
 * anything else, and refuses a folder that already holds files but no marker, so that a run never
 * writes into, or removes from, a folder it did not create.
 */
final class RunFolder {
  /** The marker's file name. */
  static final String MARKER = ".echobench-run";
  /** The marker's content: what the folder is, for a person who finds it. */
  static final String MARKER_TEXT = "This folder is an EchoBench run folder.\n";

  private RunFolder() {}

  /**
   * Makes {@code out} a run folder: creates it when missing, accepts it when empty or marked, and
   * marks it.
   *
   * @throws InputException naming {@code out} if it is a file-system root, not a folder, a
   *     non-empty folder without the marker, or cannot be created
   */
  static void claim(Path out) {
    if (out.getParent() == null) {
      throw new InputException(out + ": a file-system root cannot be a run folder; give --out a"
          + " folder of its own");
    }
    try {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new InputException(out + ": not a folder; give --out a folder");
      }
      if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER)) && !isEmpty(out)) {
        throw new InputException(out + ": not empty and not an EchoBench run folder (no "
            + MARKER + "); give --out a new or empty folder");
      }
      Files.createDirectories(out);
      if (!Files.exists(out.resolve(MARKER))) {
        AtomicFiles.writeString(out.resolve(MARKER), MARKER_TEXT);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(out + ": cannot create the run folder (" + e.getMessage() + ")",
          e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
