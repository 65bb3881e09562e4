package echobench.harness.data;

import echobench.reports.io.CsvFile;
import echobench.reports.io.InputException;
import echobench.reports.io.Numbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EchoNet-Pediatric layout: one folder per view ({@code A4C/}, {@code PSAX/}), each with a
 * {@code FileList.csv} of the columns {@link #COLUMNS} and a {@code Videos/} folder. {@code Split}
 * is a cross-validation fold {@code 0..9}, assigned per patient.
 *
 * <p>Folds become splits by the protocol of the EchoNet-Pediatric cross-validation scripts: for a
 * chosen test fold {@code k}, fold {@code k} is {@link Split#TEST}, fold {@code (k+1) mod 10} is
 * {@link Split#VAL} and the other eight are {@link Split#TRAIN}. The fold itself stays in the
 * metadata ({@code fold}) so other mappings can be built from it.
 *
 * <p>Sample ids are {@code <view>/<FileName without .avi>}. Metadata: {@code patient} (the part of
 * the file name before the first {@code -}), {@code fold}, {@code age_group} ({@code 0-1}, {@code
 * 2-5}, {@code 6-12}, {@code 13-18} years, when Age is a number), and every column other than
 * FileName, EF and Split under its header name.
 */
public final class EchoNetPediatricDataset implements Dataset {
  /** The view folders of the public release. */
  public static final List<EchoView> VIEWS = List.of(EchoView.A4C, EchoView.PSAX);
  /** Every column of the public release's {@code FileList.csv}, in its order. */
  public static final List<String> COLUMNS =
      List.of("FileName", "EF", "Sex", "Age", "Weight", "Height", "Split");
  /** Number of cross-validation folds. */
  public static final int FOLDS = 10;

  private static final List<String> REQUIRED = List.of("FileName", "EF", "Split");

  private final Path root;
  private final int testFold;
  private final List<Sample> samples;

  private EchoNetPediatricDataset(Path root, int testFold, List<Sample> samples) {
    this.root = root;
    this.testFold = testFold;
    this.samples = List.copyOf(samples);
  }

  /** Lists the dataset in {@code root} with fold 0 as the test split (fold 1 validation). */
  public static EchoNetPediatricDataset load(Path root) {
    return load(root, 0);
  }

  /**
   * Lists the dataset in {@code root}: every view folder present, fold {@code testFold} as test.
   *
   * @throws IllegalArgumentException if {@code testFold} is not in {@code 0..9}
   * @throws InputException if no view folder has a {@code FileList.csv}, or a row is malformed
   */
  public static EchoNetPediatricDataset load(Path root, int testFold) {
    if (testFold < 0 || testFold >= FOLDS) {
      throw new IllegalArgumentException("test fold must be 0..9, not " + testFold);
    }
    List<Sample> samples = new ArrayList<>();
    boolean found = false;
    for (EchoView view : VIEWS) {
      Path fileList = root.resolve(view.name()).resolve(EchoNetDynamicDataset.FILE_LIST);
      if (Files.isRegularFile(fileList)) {
        found = true;
        samples.addAll(readView(root, view, fileList, testFold));
      }
    }
    if (!found) {
      throw new InputException(root.resolve(VIEWS.get(0).name())
          .resolve(EchoNetDynamicDataset.FILE_LIST) + ": no such file (an EchoNet-Pediatric root "
          + "holds A4C/ and PSAX/, each with FileList.csv and Videos/)");
    }
    return new EchoNetPediatricDataset(root, testFold, samples);
  }

  /** The split of fold {@code fold} when {@code testFold} is held out for testing. */
  public static Split splitOf(int fold, int testFold) {
    if (fold == testFold) {
      return Split.TEST;
    }
    return fold == (testFold + 1) % FOLDS ? Split.VAL : Split.TRAIN;
  }

  /** The age group of EchoNet-Pediatric's subgroup analyses for an age in years. */
  public static String ageGroup(double ageYears) {
    if (ageYears < 2) {
      return "0-1";
    }
    if (ageYears < 6) {
      return "2-5";
    }
    return ageYears < 13 ? "6-12" : "13-18";
  }

  private static List<Sample> readView(Path root, EchoView view, Path fileList, int testFold) {
    CsvFile csv = CsvFile.read(fileList);
    csv.requireColumns(REQUIRED);
    Path videos = fileList.getParent().resolve(EchoNetDynamicDataset.VIDEOS);
    List<Sample> samples = new ArrayList<>(csv.rows().size());
    Map<String, Integer> seen = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      String fileName = row.get("FileName");
      if (fileName.isEmpty()) {
        throw row.error("FileName is empty");
      }
      String stem = DatasetPaths.stem(fileName);
      String file = stem.equals(fileName) ? fileName + ".avi" : fileName;
      Path video = DatasetPaths.inside(root, videos, file)
          .orElseThrow(() -> row.error("FileName \"" + fileName + "\" escapes the dataset root"));
      Integer earlier = seen.putIfAbsent(stem, row.line());
      if (earlier != null) {
        throw row.error("FileName " + fileName + " is already listed on line " + earlier);
      }
      float ef = Labels.ejectionFraction(row.get("EF"), row::error);
      int fold = fold(row);
      Map<String, String> metadata = new LinkedHashMap<>();
      int dash = stem.indexOf('-');
      metadata.put("patient", dash > 0 ? stem.substring(0, dash) : stem);
      metadata.put("fold", Integer.toString(fold));
      for (String column : csv.header()) {
        String name = column.strip();
        if (!REQUIRED.contains(name)) {
          metadata.put(name, row.get(name));
        }
      }
      if (csv.hasColumn("Age")) {
        try {
          metadata.put("age_group", ageGroup(Numbers.parse(row.get("Age").strip())));
        } catch (NumberFormatException e) {
          // an unknown age has no group
        }
      }
      samples.add(new Sample(view.name() + "/" + stem, List.of(video), ef, view.classIndex(),
          splitOf(fold, testFold), metadata));
    }
    return samples;
  }

  private static int fold(CsvFile.Row row) {
    String text = row.get("Split");
    if (text.matches("[0-9]{1,9}") && Integer.parseInt(text) < FOLDS) {
      return Integer.parseInt(text);
    }
    throw row.error("Split \"" + text + "\" is not a fold 0..9");
  }

  @Override
  public String name() {
    return "echonet-pediatric";
  }

  public Path root() {
    return root;
  }

  /** The fold held out as the test split. */
  public int testFold() {
    return testFold;
  }

  @Override
  public List<Sample> samples() {
    return samples;
  }

  /** The samples of one view. */
  public List<Sample> samples(EchoView view) {
    return samples.stream().filter(s -> s.view() == view.classIndex()).toList();
  }
}
