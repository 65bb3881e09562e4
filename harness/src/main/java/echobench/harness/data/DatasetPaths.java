package echobench.harness.data;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Resolution of the file names an index lists, confined to the dataset's root folder. */
final class DatasetPaths {
  private DatasetPaths() {}

  /**
   * {@code name} resolved against {@code folder}, normalised, if the result lies inside {@code
   * root} (lexically: {@code ..} segments and absolute names that leave the root are refused).
   */
  static Optional<Path> inside(Path root, Path folder, String name) {
    Path base = root.toAbsolutePath().normalize();
    try {
      Path resolved = folder.toAbsolutePath().normalize().resolve(name).normalize();
      return resolved.startsWith(base) && !resolved.equals(base)
          ? Optional.of(resolved)
          : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** {@code fileName} without a final {@code .avi} (any case). */
  static String stem(String fileName) {
    return fileName.regionMatches(true, fileName.length() - 4, ".avi", 0, 4)
        ? fileName.substring(0, fileName.length() - 4)
        : fileName;
  }
}
