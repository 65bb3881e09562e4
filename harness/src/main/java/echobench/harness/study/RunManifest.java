package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code run.json}: what a run was and how it went — versions, seeds, device, timings, the
 * encoders and probes with their cache keys, and every skipped video.
 *
 * @param name the study's name
 * @param config the config file
 * @param seed the run seed
 * @param device the device computed on
 * @param resumed whether finished work of an earlier run was reused
 * @param started when the run began (ISO-8601)
 * @param versions EchoBench, Java, DJL and the engine
 * @param timingsSeconds wall time of each phase
 * @param videos videos evaluated per dataset
 * @param models the encoders by name, with their weight fingerprints
 * @param probes {@code <encoder>/<probe>} with their cache keys
 * @param trainingBaseline the training split's mean target (or most frequent class)
 * @param skipped the videos left out as unreadable
 * @param imports the import report of every imported safetensors model (tensors used, ignored with
 *     the reason, missing, unexpected, misshapen), by model name
 * @param integrity what the results rest on (config, weight and probe digests, threads, build) and
 *     the prediction groups checked against the videos that went in
 * @param labelSubsets the draws of the label-efficiency subsets of TRAIN; absent when every probe
 *     saw all of TRAIN
 */
record RunManifest(
    @JsonProperty("name") String name,
    @JsonProperty("config") String config,
    @JsonProperty("seed") long seed,
    @JsonProperty("device") String device,
    @JsonProperty("resumed") boolean resumed,
    @JsonProperty("started") String started,
    @JsonProperty("versions") Map<String, String> versions,
    @JsonProperty("timings_seconds") Map<String, Double> timingsSeconds,
    @JsonProperty("videos") Map<String, Integer> videos,
    @JsonProperty("models") Map<String, String> models,
    @JsonProperty("probes") Map<String, String> probes,
    @JsonProperty("training_baseline") double trainingBaseline,
    @JsonProperty("skipped") List<SkippedVideo> skipped,
    @JsonProperty("imports") Map<String, Map<String, Object>> imports,
    @JsonProperty("integrity") RunIntegrity integrity,
    @JsonProperty("label_subsets") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<LabelDraw> labelSubsets) {

  /**
   * The draw of one label-efficiency subset ({@link LabelSubset}).
   *
   * @param fraction the share of TRAIN
   * @param labelSeed the label seed, from 1
   * @param drawSeed the seed of its {@link StratifiedDraw}, derived from the run seed, the
   *     fraction and the label seed
   */
  record LabelDraw(@JsonProperty("fraction") double fraction,
      @JsonProperty("label_seed") int labelSeed, @JsonProperty("draw_seed") long drawSeed) {}

  /** The draws of the subsets below all of TRAIN among {@code subsets}. */
  static List<LabelDraw> draws(List<LabelSubset> subsets, long runSeed) {
    return subsets.stream().filter(s -> !s.isAll())
        .map(s -> new LabelDraw(s.fraction(), s.seed(), s.drawSeed(runSeed))).toList();
  }
}
