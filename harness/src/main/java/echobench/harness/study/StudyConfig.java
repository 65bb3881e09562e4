package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import echobench.harness.MaskChoice;
import echobench.reports.io.InputException;
import echobench.reports.io.StrictYaml;
import echobench.harness.task.EchoTask;
import echobench.harness.task.EchoTasks;
import echobench.perturb.SeverityScale;
import echobench.reports.Condition;
import echobench.reports.io.StrictYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A robustness study as written in its YAML file ({@code configs/smoke.yaml} documents every key).
 * Unknown keys are errors; absent optional keys take the defaults below.
 *
 * @param name the study's name (report title)
 * @param seed the run seed: perturbation draws, probe training, bootstrap (default 0)
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:K} (default auto; {@code
 *     --device} overrides)
 * @param maxSkipFraction share of a dataset's videos that may be unreadable and skipped (default 0.01)
 * @param cache folder for generated synthetic datasets, relative to the config's folder (default
 *     {@code .echobench-cache} beside the run folder)
 * @param sampling clip sampling
 * @param bootstrap the confidence intervals
 * @param task what the probes predict, a task registered in {@link EchoTasks} ({@code lvef},
 *     regression on EF, by default; {@code view}, view classification)
 * @param mask where perturbations without their own {@code mask} act: {@code full} frame
 *     (EchoJEPA), the {@code auto}-fitted fan, or the geometric {@code sector}; when absent each
 *     family's default ({@link MaskChoice#defaultFor}: presets full, the suite auto)
 * @param datasets the datasets by name, in order
 * @param train the dataset whose TRAIN split fits the probes and VAL split selects them
 * @param evaluate the datasets evaluated: the train dataset's TEST split, any other dataset whole
 * @param models the encoders
 * @param probes the probes trained on every encoder
 * @param perturbations the perturbation grid, each entry's mask resolved
 * @param reencode {@code none} or {@code h264}: also evaluate every perturbed condition followed by
 *     EchoJEPA's H.264 re-encode (see {@link Reencode}; default none)
 * @param featureStore how the training and validation features are stored (default float16)
 * @param labelFractions label efficiency: the shares of TRAIN every probe is also fitted on, each
 *     in (0, 1]; the probe on all of TRAIN is always fitted (absent: {@code [1.0]})
 * @param labelSeeds how many stratified draws of each share below 1 (absent: 1)
 * @param fineTune evaluated datasets, other than the train dataset, whose own TRAIN split also
 *     fits every probe (selected on their VAL split); they are then evaluated on their TEST split
 *     only, zero-shot and fine-tuned alike (absent: none)
 * @param severityScale {@code published} (default) or {@code calibrated}: severity k of every
 *     calibrated suite family takes away the same share of the cavity–myocardium CNR ({@link
 *     echobench.perturb.SeverityTable}); the EchoJEPA presets keep their published parameters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyConfig(
    @JsonProperty("name") String name,
    @JsonProperty("seed") Long seed,
    @JsonProperty("device") String device,
    @JsonProperty("max_skip_fraction") Double maxSkipFraction,
    @JsonProperty("cache") String cache,
    @JsonProperty("sampling") SamplingConfig sampling,
    @JsonProperty("bootstrap") BootstrapConfig bootstrap,
    @JsonProperty("task") @JsonDeserialize(using = EchoTasks.Reader.class)
        @JsonSerialize(using = ToStringSerializer.class) EchoTask task,
    @JsonProperty("mask") String mask,
    @JsonProperty("datasets") Map<String, DatasetSpec> datasets,
    @JsonProperty("train") String train,
    @JsonProperty("evaluate") List<String> evaluate,
    @JsonProperty("models") List<ModelConfig> models,
    @JsonProperty("probes") List<ProbeSpec> probes,
    @JsonProperty("perturbations") List<PerturbationConfig> perturbations,
    @JsonProperty("reencode") String reencode,
    @JsonProperty("feature_store") FeatureStoreConfig featureStore,
    @JsonProperty("label_fractions") List<Double> labelFractions,
    @JsonProperty("label_seeds") Integer labelSeeds,
    @JsonProperty("fine_tune") List<String> fineTune,
    @JsonProperty("severity_scale") String severityScale) {

  private static final List<String> DEVICES = List.of("auto", "cpu", "gpu");
  private static final List<String> MASKS =
      Arrays.stream(MaskChoice.values()).map(MaskChoice::toString).toList();

  /** Fills the defaults and checks the cross-references. */
  public StudyConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("'name' is required");
    }
    seed = seed == null ? 0L : seed;
    device = device == null ? "auto" : device.toLowerCase(Locale.ROOT);
    if (!device.matches("gpu:\\d{1,4}")) {
      choice("device", device, DEVICES);
    }
    maxSkipFraction = maxSkipFraction == null ? 0.01 : maxSkipFraction;
    if (!(maxSkipFraction >= 0 && maxSkipFraction < 1)) {
      throw new IllegalArgumentException("max_skip_fraction must lie in [0, 1)");
    }
    sampling = sampling == null ? SamplingConfig.defaults() : sampling;
    bootstrap = bootstrap == null ? BootstrapConfig.defaults() : bootstrap;
    task = task == null ? EchoTasks.defaultTask() : task;
    if (mask != null) {
      mask = mask.toLowerCase(Locale.ROOT);
      choice("mask", mask, MASKS);
    }
    if (datasets == null || datasets.isEmpty()) {
      throw new IllegalArgumentException("'datasets' needs at least one dataset");
    }
    datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    for (String key : datasets.keySet()) {
      if (key.isBlank() || key.contains(",")) {
        throw new IllegalArgumentException(
            "dataset name '" + key + "' must be non-empty without ','");
      }
    }
    if (train == null || !datasets.containsKey(train)) {
      throw new IllegalArgumentException(
          "'train' must name one of the datasets " + datasets.keySet() + ", not " + train);
    }
    evaluate = evaluate == null ? List.of(train) : List.copyOf(evaluate);
    distinct("evaluate", evaluate);
    for (String e : evaluate) {
      if (!datasets.containsKey(e)) {
        throw new IllegalArgumentException(
            "'evaluate' names " + e + ", not one of the datasets " + datasets.keySet());
      }
    }
    if (models == null || models.isEmpty() || probes == null || probes.isEmpty()) {
      throw new IllegalArgumentException("'models' and 'probes' need at least one entry each");
    }
    models = List.copyOf(models);
    probes = List.copyOf(probes);
    distinct("models", models.stream().map(ModelConfig::name).toList());
    distinct("probes", probes.stream().map(ProbeSpec::name).toList());
    String studyMask = mask;
    perturbations = perturbations == null ? List.of()
        : perturbations.stream().map(p -> p.resolved(studyMask)).toList();
    Map<String, String> masks = new HashMap<>();
    for (PerturbationConfig p : perturbations) {
      String earlier = masks.putIfAbsent(p.name(), p.mask());
      if (earlier != null && !earlier.equals(p.mask())) {
        throw new IllegalArgumentException("perturbation " + p.name() + " is listed with mask "
            + earlier + " and with mask " + p.mask() + "; a condition has one mask");
      }
    }
    requireHeadsDivideWidths(models, probes);
    reencode = reencode == null ? Reencode.NONE : reencode.toLowerCase(Locale.ROOT);
    choice("reencode", reencode, List.of(Reencode.NONE, Reencode.H264));
    severityScale = severityScale == null ? SeverityScale.PUBLISHED.toString()
        : severityScale.toLowerCase(Locale.ROOT);
    choice("severity_scale", severityScale,
        Arrays.stream(SeverityScale.values()).map(SeverityScale::toString).toList());
    featureStore = featureStore == null ? FeatureStoreConfig.defaults() : featureStore;
    LabelSubset.check(labelFractions, labelSeeds);
    labelFractions = labelFractions == null ? null : List.copyOf(labelFractions);
    if (fineTune != null) {
      fineTune = List.copyOf(fineTune);
      distinct("fine_tune", fineTune);
      for (String f : fineTune) {
        if (f.equals(train) || !evaluate.contains(f)) {
          throw new IllegalArgumentException("'fine_tune' names " + f + ", not one of the"
              + " evaluated datasets other than the train dataset " + train);
        }
      }
    }
  }

  /**
   * The training sets every probe is fitted on: all of TRAIN first, then each share below 1 of
   * {@code label_fractions} (in the order written) with each label seed.
   */
  List<LabelSubset> labelSubsets() {
    return LabelSubset.grid(labelFractions, labelSeeds);
  }

  /** The datasets whose own training folds also fit the probes ({@code fine_tune}), in order. */
  List<String> fineTuned() {
    return fineTune == null ? List.of() : fineTune;
  }

  /**
   * Checks that every probe fits the token width of every encoder whose width the config fixes
   * (a {@code random_init} size); other encoders are checked once loaded.
   */
  private static void requireHeadsDivideWidths(List<ModelConfig> models,
      List<ProbeSpec> probes) {
    for (ProbeSpec probe : probes) {
      for (ModelConfig model : models) {
        model.source().tokenWidth().ifPresent(width -> probe.misfit(width).ifPresent(why -> {
          throw new IllegalArgumentException("probes: probe " + probe.name() + ": " + why
              + " of model " + model.name());
        }));
      }
    }
  }

  /**
   * Reads a study file.
   *
   * @throws echobench.reports.io.InputException naming the file and line of any problem
   */
  public static StudyConfig read(Path file) {
    return StrictYaml.read(file, StudyConfig.class);
  }

  /**
   * The mask that perturbation {@code expression} of the grid acts on; a {@link Reencode
   * re-encoded} twin acts on its plain perturbation's mask.
   */
  MaskChoice maskFor(String expression) {
    String plain = Reencode.plainPerturbation(expression);
    return perturbations.stream().filter(p -> p.name().equals(plain)).findFirst()
        .map(p -> MaskChoice.parse(p.mask())).orElseThrow(() -> new IllegalArgumentException(
            "perturbation " + expression + " is not in the study's grid"));
  }

  /** The masks the grid uses, in {@link MaskChoice} order. */
  Set<MaskChoice> masksInUse() {
    Set<MaskChoice> used = EnumSet.noneOf(MaskChoice.class);
    perturbations.forEach(p -> used.add(MaskChoice.parse(p.mask())));
    return used;
  }

  /**
   * What a condition's cached predictions depend on besides the condition: its mask, and whether
   * the run fits fans at all (a video without one is skipped in every condition, clean included).
   */
  String maskKey(Condition condition) {
    String fans = masksInUse().contains(MaskChoice.AUTO) ? "fans fitted" : "no fans";
    String severities = condition.isPerturbed() && scale() == SeverityScale.CALIBRATED
        ? ", calibrated severities" : "";
    return (condition.isClean() ? "unmasked" : maskFor(condition.perturbation()).toString())
        + ", " + fans + severities;
  }

  /** What a severity of the suite means ({@code severity_scale}; default {@code published}). */
  SeverityScale scale() {
    return SeverityScale.parse(severityScale);
  }

  /** Whether every perturbed condition is also evaluated re-encoded ({@code reencode: h264}). */
  boolean reencodes() {
    return reencode.equals(Reencode.H264);
  }

  /**
   * The distinct evaluation conditions: clean first, then the grid in the order written, then, with
   * {@code reencode: h264}, the {@link Reencode re-encoded} twin of every perturbed condition. For
   * a multi-view task each condition of the grid is followed by the same condition scoped to each
   * of the task's views in turn ({@code depth-exp@3[A4C]}, {@code depth-exp@3[A2C]}).
   */
  List<Condition> conditions() {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(Condition.CLEAN);
    for (PerturbationConfig p : perturbations) {
      for (int severity : p.severities()) {
        Condition c = new Condition(p.name(), severity);
        if (!conditions.contains(c)) {
          conditions.add(c);
          task.views().forEach(v -> conditions.add(c.onView(v.name())));
        }
      }
    }
    if (reencodes()) {
      conditions.addAll(Reencode.twins(conditions));
    }
    return conditions;
  }

  private static void choice(String key, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(
          "'" + key + "' must be one of " + String.join(", ", allowed) + ", not " + value);
    }
  }

  private static void distinct(String key, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException("'" + key + "' lists " + n + " twice");
      }
    }
  }
}
