package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.data.EchoNetPediatricDataset;
import echobench.harness.data.EchoView;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortLimits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One dataset of a study. {@code kind} says which keys apply:
 *
 * <ul>
 *   <li>{@code echonet-dynamic}: {@code root} (holding {@code FileList.csv} and {@code Videos/});
 *       optional {@code view} keeps one view when the file list has a {@code View} column.
 *   <li>{@code echonet-pediatric}: {@code root} (holding {@code A4C/} and {@code PSAX/}); {@code
 *       view} keeps one view folder; {@code test_fold} (default 0) is the held-out fold.
 *   <li>{@code list-csv}: {@code root} and {@code files}, a map from split ({@code train}, {@code
 *       val}, {@code test}) to a V-JEPA style list file (paths relative to the config's folder);
 *       an evaluation-only dataset lists {@code test} alone.
 *   <li>{@code synthetic}: a simulated cohort generated on demand into the cache ({@code cohort}
 *       adult or pediatric, {@code count} subjects, frame {@code size}, {@code frames}, {@code fps},
 *       {@code seed}, adult {@code views}); it then loads like the real layout it mirrors, so
 *       {@code view} and {@code test_fold} apply as above. An adult cohort with {@code biplane:
 *       true} records every subject in both apical views ({@code views} absent or {@code [A4C,
 *       A2C]}) with its Simpson's biplane EF as the label, for multi-view tasks.
 * </ul>
 *
 * <p>Keys that do not apply to the kind are errors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetConfig(
    @JsonProperty("kind") String kind,
    @JsonProperty("root") String root,
    @JsonProperty("files") Map<String, String> files,
    @JsonProperty("view") String view,
    @JsonProperty("test_fold") Integer testFold,
    @JsonProperty("cohort") String cohort,
    @JsonProperty("count") Integer count,
    @JsonProperty("size") Integer size,
    @JsonProperty("frames") Integer frames,
    @JsonProperty("fps") Double fps,
    @JsonProperty("seed") Long seed,
    @JsonProperty("views") List<String> views,
    @JsonProperty("biplane") Boolean biplane) {

  /** Real EchoNet-Dynamic layout. */
  public static final String ECHONET_DYNAMIC = "echonet-dynamic";
  /** Real EchoNet-Pediatric layout. */
  public static final String ECHONET_PEDIATRIC = "echonet-pediatric";
  /** V-JEPA style list files. */
  public static final String LIST_CSV = "list-csv";
  /** A simulated cohort. */
  public static final String SYNTHETIC = "synthetic";

  private static final List<String> KINDS =
      List.of(ECHONET_DYNAMIC, ECHONET_PEDIATRIC, LIST_CSV, SYNTHETIC);
  private static final Set<String> SPLITS = Set.of("train", "val", "test");

  /** Checks that the keys fit the kind and fills the synthetic defaults. */
  public DatasetConfig {
    if (kind == null || !KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "dataset kind must be one of " + String.join(", ", KINDS) + ", not " + kind);
    }
    boolean synthetic = kind.equals(SYNTHETIC);
    boolean pediatric = kind.equals(ECHONET_PEDIATRIC)
        || synthetic && Cohort.PEDIATRIC.name().equals(cohort);
    reject(kind, "root", root != null && synthetic);
    require(kind, "root", root == null && !synthetic);
    reject(kind, "files", files != null && !kind.equals(LIST_CSV));
    require(kind, "files", files == null && kind.equals(LIST_CSV));
    reject(kind, "view", view != null && kind.equals(LIST_CSV));
    reject(kind, "test_fold", testFold != null && !pediatric);
    for (String key : List.of("cohort", "count", "size", "frames", "fps", "seed")) {
      reject(kind, key, !synthetic && switch (key) {
        case "cohort" -> cohort != null;
        case "count" -> count != null;
        case "size" -> size != null;
        case "frames" -> frames != null;
        case "fps" -> fps != null;
        default -> seed != null;
      });
    }
    reject(kind, "views", views != null && !(synthetic && !pediatric));
    reject(kind, "biplane", biplane != null && !(synthetic && !pediatric));
    if (files != null) {
      files = Map.copyOf(files);
      for (String split : files.keySet()) {
        if (!SPLITS.contains(split)) {
          throw new IllegalArgumentException(
              "list-csv files are keyed by train, val or test, not " + split);
        }
      }
    }
    if (view != null && EchoView.named(view).isEmpty()) {
      throw new IllegalArgumentException("view " + view + " is not one of " + EchoView.names());
    }
    if (pediatric) {
      testFold = testFold == null ? 0 : testFold;
      if (testFold < 0 || testFold >= EchoNetPediatricDataset.FOLDS) {
        throw new IllegalArgumentException("test_fold must be 0..9, not " + testFold);
      }
    }
    if (synthetic) {
      if (cohort == null || Cohort.named(cohort).isEmpty()) {
        throw new IllegalArgumentException(
            "a synthetic dataset needs cohort: adult or pediatric, not " + cohort);
      }
      cohort = cohort.toLowerCase(Locale.ROOT);
      size = size == null ? 112 : size;
      frames = frames == null ? 64 : frames;
      fps = fps == null ? 50.0 : fps;
      seed = seed == null ? 0L : seed;
      if (count == null) {
        throw new IllegalArgumentException("a synthetic dataset needs 'count'");
      }
      CohortLimits.check(count, size, frames);
      if (!(fps > 0) || Double.isInfinite(fps)) {
        throw new IllegalArgumentException("fps must be positive, not " + fps);
      }
      if (Boolean.TRUE.equals(biplane)) {
        List<String> apical = List.of(EchoView.A4C.name(), EchoView.A2C.name());
        if (views != null && !views.equals(apical)) {
          throw new IllegalArgumentException(
              "a biplane cohort has views " + apical + ", not " + views);
        }
        views = apical;
      }
      if (!pediatric) {
        views = views == null ? List.of(EchoView.A4C.name()) : List.copyOf(views);
        for (String v : views) {
          if (EchoView.named(v).isEmpty()) {
            throw new IllegalArgumentException("view " + v + " is not one of " + EchoView.names());
          }
        }
      }
    }
  }

  /** A dataset without the {@code biplane} key. */
  public DatasetConfig(String kind, String root, Map<String, String> files, String view,
      Integer testFold, String cohort, Integer count, Integer size, Integer frames, Double fps,
      Long seed, List<String> views) {
    this(kind, root, files, view, testFold, cohort, count, size, frames, fps, seed, views, null);
  }

  /** Whether this is a synthetic cohort recorded in both apical views of every subject. */
  public boolean isBiplane() {
    return Boolean.TRUE.equals(biplane);
  }

  private static void reject(String kind, String key, boolean present) {
    if (present) {
      throw new IllegalArgumentException("key '" + key + "' does not apply to a " + kind
          + " dataset");
    }
  }

  private static void require(String kind, String key, boolean missing) {
    if (missing) {
      throw new IllegalArgumentException("a " + kind + " dataset needs '" + key + "'");
    }
  }
}
