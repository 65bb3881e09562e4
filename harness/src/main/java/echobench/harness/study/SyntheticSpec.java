package echobench.harness.study;

import echobench.harness.task.EchoTask;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoNetPediatricDataset;
import echobench.harness.data.EchoView;
import echobench.harness.data.Sample;
import echobench.harness.synth.AcquisitionVariability;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A simulated cohort generated on demand into the cache ({@code kind: synthetic}); it then loads
 * like the real layout it mirrors, so {@code view} and (pediatric) {@code test_fold} apply as
 * there.
 *
 * @param view keeps one view (optional)
 * @param testFold the held-out fold of a pediatric cohort (default 0)
 * @param cohort {@code adult} or {@code pediatric}
 * @param count subjects
 * @param size frame side in pixels (default 112)
 * @param frames frames per video (default 64)
 * @param fps frame rate (default 50)
 * @param seed the generation seed (default 0)
 * @param views the views an adult cohort holds (default A4C)
 * @param biplane an adult cohort recorded in both apical views of every subject ({@code views}
 *     absent or {@code [A4C, A2C]}) with its Simpson's biplane EF as the label, for multi-view
 *     tasks (default absent: one view per subject)
 * @param acquisition {@code varied}: scanner settings drawn per video (default); {@code fixed}:
 *     every video at the nominal settings ({@link AcquisitionVariability})
 */
public record SyntheticSpec(String view, @JsonProperty("test_fold") Integer testFold,
    String cohort, Integer count, Integer size, Integer frames, Double fps, Long seed,
    List<String> views, Boolean biplane, String acquisition)
    implements DatasetSpec {

  /** Checks the keys and fills the defaults. */
  public SyntheticSpec {
    if (cohort == null || Cohort.named(cohort).isEmpty()) {
      throw new IllegalArgumentException(
          "a synthetic dataset needs cohort: adult or pediatric, not " + cohort);
    }
    cohort = cohort.toLowerCase(Locale.ROOT);
    boolean pediatric = cohort.equals(Cohort.PEDIATRIC.name());
    if (testFold != null && !pediatric) {
      throw new IllegalArgumentException("key 'test_fold' does not apply to a synthetic dataset"
          + " of the adult cohort");
    }
    if (views != null && pediatric) {
      throw new IllegalArgumentException("key 'views' does not apply to a synthetic dataset"
          + " of the pediatric cohort");
    }
    DatasetSpec.requireView(view);
    testFold = pediatric ? EchoNetPediatricSpec.testFold(testFold) : null;
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
    if (biplane != null && pediatric) {
      throw new IllegalArgumentException("key 'biplane' does not apply to a synthetic dataset"
          + " of the pediatric cohort");
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
      views.forEach(DatasetSpec::requireView);
    }
    String given = acquisition;
    acquisition = (given == null ? AcquisitionVariability.VARIED
        : AcquisitionVariability.named(given).orElseThrow(() -> new IllegalArgumentException(
            "acquisition must be varied or fixed, not '" + given + "'"))).key();
  }

  /** A cohort with one view per subject, scanner settings varied. */
  public SyntheticSpec(String view, Integer testFold, String cohort, Integer count, Integer size,
      Integer frames, Double fps, Long seed, List<String> views, Boolean biplane) {
    this(view, testFold, cohort, count, size, frames, fps, seed, views, biplane, null);
  }

  /** A cohort with one view per subject. */
  public SyntheticSpec(String view, Integer testFold, String cohort, Integer count, Integer size,
      Integer frames, Double fps, Long seed, List<String> views) {
    this(view, testFold, cohort, count, size, frames, fps, seed, views, null, null);
  }

  /** Reads the entry; {@code kind} was matched by the registry and is listed to keep key order. */
  @JsonCreator
  SyntheticSpec(@JsonProperty("kind") String kind, @JsonProperty("view") String view,
      @JsonProperty("test_fold") Integer testFold, @JsonProperty("cohort") String cohort,
      @JsonProperty("count") Integer count, @JsonProperty("size") Integer size,
      @JsonProperty("frames") Integer frames, @JsonProperty("fps") Double fps,
      @JsonProperty("seed") Long seed, @JsonProperty("views") List<String> views,
      @JsonProperty("biplane") Boolean biplane,
      @JsonProperty("acquisition") String acquisition) {
    this(view, testFold, cohort, count, size, frames, fps, seed, views, biplane, acquisition);
  }

  /** This cohort read whole: the same videos on disk, without the {@code view} filter. */
  SyntheticSpec withoutViewFilter() {
    return new SyntheticSpec(null, testFold, cohort, count, size, frames, fps, seed, views,
        biplane, acquisition);
  }

  /** Whether every subject is recorded in both apical views. */
  boolean isBiplane() {
    return Boolean.TRUE.equals(biplane);
  }

  /** Whether the scanner settings vary from video to video. */
  AcquisitionVariability variability() {
    return AcquisitionVariability.named(acquisition).orElseThrow();
  }

  /** The simulated cohort. */
  Cohort simulated() {
    return Cohort.named(cohort).orElseThrow();
  }

  private boolean isAdult() {
    return cohort.equals(Cohort.ADULT.name());
  }

  /** The views to simulate, in order. */
  List<EchoView> simulatedViews() {
    return views == null ? List.of(EchoView.A4C)
        : views.stream().map(v -> EchoView.named(v).orElseThrow()).toList();
  }

  @Override
  public List<Sample> load(Path configDir, SyntheticCohorts cohorts, EchoTask task) {
    Path root = cohorts.materialise(this);
    return isAdult()
        ? EchoNetDynamicDataset.load(root).samples()
        : EchoNetPediatricDataset.load(root, testFold).samples();
  }

  @Override
  public Path source(Path configDir, SyntheticCohorts cohorts) {
    return isAdult()
        ? cohorts.materialise(this).resolve(EchoNetDynamicDataset.FILE_LIST)
        : cohorts.materialise(this);
  }
}
