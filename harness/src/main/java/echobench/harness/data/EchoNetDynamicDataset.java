package echobench.harness.data;

import echobench.reports.io.CsvFile;
import echobench.reports.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EchoNet-Dynamic layout: {@code FileList.csv} with the columns {@link #COLUMNS} and the videos
 * in {@code Videos/<FileName>.avi}.
 *
 * <p>{@code FileName} is written without an extension in the public release ({@code .avi} is
 * appended); a name that already ends in {@code .avi} is used as it is. {@code Split} is
 * {@code TRAIN}, {@code VAL} or {@code TEST}. Every column other than {@code FileName}, {@code EF}
 * and {@code Split} (ESV, EDV, frame size, FPS, frame count and any extra columns) goes into the
 * sample's metadata under its header name. The view is A4C, the only view of this dataset, unless a
 * {@code View} column names another.
 */
public final class EchoNetDynamicDataset implements Dataset {
  /** The index file in the dataset root. */
  public static final String FILE_LIST = "FileList.csv";
  /** The folder of the videos. */
  public static final String VIDEOS = "Videos";
  /** Every column of the public release's {@code FileList.csv}, in its order. */
  public static final List<String> COLUMNS = List.of(
      "FileName", "EF", "ESV", "EDV", "FrameHeight", "FrameWidth", "FPS", "NumberOfFrames",
      "Split");
  /** The optional column naming each video's view. */
  public static final String VIEW_COLUMN = "View";

  private static final List<String> REQUIRED = List.of("FileName", "EF", "Split");

  private final Path root;
  private final List<Sample> samples;

  private EchoNetDynamicDataset(Path root, List<Sample> samples) {
    this.root = root;
    this.samples = List.copyOf(samples);
  }

  /**
   * Lists the samples of the dataset in {@code root}.
   *
   * @throws InputException if {@code FileList.csv} is missing or a row is malformed (the
   *     message names the file and line)
   */
  public static EchoNetDynamicDataset load(Path root) {
    Path fileList = root.resolve(FILE_LIST);
    if (!Files.isRegularFile(fileList)) {
      throw new InputException(fileList + ": no such file (an EchoNet-Dynamic root holds "
          + FILE_LIST + " and " + VIDEOS + "/)");
    }
    CsvFile csv = CsvFile.read(fileList);
    csv.requireColumns(REQUIRED);
    Path videos = root.resolve(VIDEOS);
    List<Sample> samples = new ArrayList<>(csv.rows().size());
    Map<String, Integer> seen = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      String fileName = row.get("FileName");
      if (fileName.isEmpty()) {
        throw row.error("FileName is empty");
      }
      String file = DatasetPaths.stem(fileName).equals(fileName) ? fileName + ".avi" : fileName;
      Path video = DatasetPaths.inside(root, videos, file)
          .orElseThrow(() -> row.error("FileName \"" + fileName + "\" escapes the dataset root"));
      String id = DatasetPaths.stem(fileName);
      Integer earlier = seen.putIfAbsent(id, row.line());
      if (earlier != null) {
        throw row.error("FileName " + fileName + " is already listed on line " + earlier);
      }
      float ef = Labels.ejectionFraction(row.get("EF"), row::error);
      String splitText = row.get("Split");
      Split split = Split.named(splitText)
          .orElseThrow(() -> row.error("Split \"" + splitText + "\" is not TRAIN, VAL or TEST"));
      samples.add(new Sample(id, List.of(video), ef, view(csv, row), split, metadata(csv, row)));
    }
    return new EchoNetDynamicDataset(root, samples);
  }

  private static int view(CsvFile csv, CsvFile.Row row) {
    if (!csv.hasColumn(VIEW_COLUMN)) {
      return EchoView.A4C.classIndex();
    }
    String name = row.get(VIEW_COLUMN);
    return EchoView.named(name)
        .orElseThrow(() -> row.error(
            "View \"" + name + "\" is not one of " + EchoView.names()))
        .classIndex();
  }

  private static Map<String, String> metadata(CsvFile csv, CsvFile.Row row) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String column : csv.header()) {
      String name = column.strip();
      if (!REQUIRED.contains(name)) {
        metadata.put(name, row.get(name));
      }
    }
    return metadata;
  }

  @Override
  public String name() {
    return "echonet-dynamic";
  }

  /** The dataset's root folder. */
  public Path root() {
    return root;
  }

  @Override
  public List<Sample> samples() {
    return samples;
  }
}
