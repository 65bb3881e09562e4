package echobench.harness.data;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A V-JEPA style list: one sample per line, space-separated {@code path label}; a multi-view sample
 * lists several paths and the label last. No header. Paths are resolved under the dataset root and
 * may not leave it. The label is an ejection fraction or a view class index, as the caller says;
 * the whole list is one split.
 */
public final class ListCsvDataset implements Dataset {
  /** What the last field of each line holds. */
  public enum Label {
    /** Ejection fraction in percent, {@code 0..100}. */
    EF,
    /** A view class index, an integer 0 or more. */
    VIEW
  }

  private final String name;
  private final List<Sample> samples;

  private ListCsvDataset(String name, List<Sample> samples) {
    this.name = name;
    this.samples = List.copyOf(samples);
  }

  /**
   * Reads the list {@code file}; its paths are relative to {@code root} (absolute ones must lie
   * inside it). Sample ids are the first path relative to the root without its extension.
   *
   * @throws InputException for a missing file, a line with fewer than two fields, a bad label or
   *     a path outside the root, naming the file and line
   */
  public static ListCsvDataset load(Path file, Path root, Label label, Split split) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    Path base = root.toAbsolutePath().normalize();
    List<Sample> samples = new ArrayList<>(lines.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      int number = i + 1;
      String[] fields = line.split("\\s+");
      if (fields.length < 2) {
        throw new InputException(
            file + ":" + number + ": expected \"path [path ...] label\", found one field");
      }
      List<Path> videos = new ArrayList<>(fields.length - 1);
      for (int f = 0; f < fields.length - 1; f++) {
        String path = fields[f];
        videos.add(DatasetPaths.inside(base, base, path).orElseThrow(() ->
            new InputException(file + ":" + number + ": path \"" + path
                + "\" escapes the dataset root " + base)));
      }
      String relative = base.relativize(videos.get(0)).toString().replace('\\', '/');
      int dot = relative.lastIndexOf('.');
      String id = dot > relative.lastIndexOf('/') + 1 ? relative.substring(0, dot) : relative;
      Integer earlier = seen.putIfAbsent(id, number);
      if (earlier != null) {
        throw new InputException(
            file + ":" + number + ": " + relative + " is already listed on line " + earlier);
      }
      String text = fields[fields.length - 1];
      Function<String, InputException> error =
          message -> new InputException(file + ":" + number + ": " + message);
      Float ef = label == Label.EF ? Labels.ejectionFraction(text, error) : null;
      Integer view = label == Label.VIEW ? Labels.classIndex(text, error) : null;
      samples.add(new Sample(id, videos, ef, view, split, Map.of()));
    }
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return new ListCsvDataset(dot > 0 ? fileName.substring(0, dot) : fileName, samples);
  }

  /** The list's file name without its extension. */
  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Sample> samples() {
    return samples;
  }
}
