package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.IntegrityException;
import echobench.reports.results.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The integrity record of a run, saved in {@code run.json}: what was checked and what the results
 * rest on. Every prediction group (model × dataset × condition) is checked to hold one prediction
 * per video that went in, in the same order and with the video's own label (see {@link
 * PredictionGroupFile#requireCovers}); gathered, every group of a dataset covers the same videos.
 * A violation stops the run ({@link IntegrityException}); nothing is ever a warning.
 *
 * @param configSha256 SHA-256 of the config file's bytes
 * @param echobench EchoBench's version
 * @param gitCommit the commit EchoBench was built from, or {@code unknown}
 * @param threads PyTorch's intra-op and inter-op thread counts
 * @param weights per model, the SHA-256 of each weight file it loaded (none for a random init)
 * @param probes per {@code <model>/<probe>}, the SHA-256 of each file of the trained probe
 * @param groups every checked prediction group with its counts in and out
 */
record RunIntegrity(
    @JsonProperty("config_sha256") String configSha256,
    @JsonProperty("echobench") String echobench,
    @JsonProperty("git_commit") String gitCommit,
    @JsonProperty("threads") Map<String, Integer> threads,
    @JsonProperty("weights") Map<String, Map<String, String>> weights,
    @JsonProperty("probes") Map<String, Map<String, String>> probes,
    @JsonProperty("groups") List<GroupCheck> groups) {

  /**
   * One checked prediction group.
   *
   * @param model {@code <encoder>/<probe>}
   * @param dataset the dataset
   * @param perturbation the condition's perturbation
   * @param severity the condition's severity
   * @param videosIn readable videos that went in
   * @param predictionsOut predictions that came out, in the same order
   */
  record GroupCheck(
      @JsonProperty("model") String model,
      @JsonProperty("dataset") String dataset,
      @JsonProperty("perturbation") String perturbation,
      @JsonProperty("severity") int severity,
      @JsonProperty("videos_in") int videosIn,
      @JsonProperty("predictions_out") int predictionsOut) {}

  /** One line for the terminal saying what was checked and where the record is. */
  String statement() {
    int predictions = groups.stream().mapToInt(GroupCheck::predictionsOut).sum();
    return String.format(Locale.ROOT, "integrity: %d prediction groups checked (%d predictions:"
        + " videos in = predictions out, same order, own labels); config SHA-256 %s…, weight"
        + " and probe digests, threads and build in %s%n", groups.size(), predictions,
        configSha256.substring(0, 12), StudyOutputs.RUN_JSON);
  }

  /** Collects the checks of a run's prediction groups. */
  static final class Checks {
    private final List<GroupCheck> groups = new ArrayList<>();

    /**
     * Checks {@code group} against the videos that went in and records it.
     *
     * @throws IntegrityException on any discrepancy
     */
    void check(PredictionGroupFile group, List<String> videosIn, double[] labels) {
      group.requireCovers(videosIn, labels);
      groups.add(new GroupCheck(group.model(), group.dataset(), group.perturbation(),
          group.severity(), videosIn.size(), group.videos().size()));
    }

    /** The groups checked so far, in order. */
    List<GroupCheck> groups() {
      return List.copyOf(groups);
    }
  }

  /**
   * Checks the gathered predictions of a run (the training-mean baseline included): within each
   * dataset, every model under every condition lists the same videos in the same order.
   *
   * @throws IntegrityException naming the first group that differs from the dataset's first
   */
  static void requireAligned(List<Prediction> predictions) {
    Map<String, Map<String, List<String>>> byDataset = new LinkedHashMap<>();
    for (Prediction p : predictions) {
      byDataset.computeIfAbsent(p.dataset(), d -> new LinkedHashMap<>())
          .computeIfAbsent(p.model() + " under " + p.condition().label(), g -> new ArrayList<>())
          .add(p.video());
    }
    byDataset.forEach((dataset, groups) -> {
      Map.Entry<String, List<String>> first = groups.entrySet().iterator().next();
      groups.forEach((group, videos) -> {
        if (!videos.equals(first.getValue())) {
          throw new IntegrityException(group + " on " + dataset
              + (videos.size() == first.getValue().size()
                  ? " lists its videos in another order than " + first.getKey()
                  : " has " + videos.size() + " predictions, " + first.getKey() + " "
                      + first.getValue().size()));
        }
      });
    });
  }
}
