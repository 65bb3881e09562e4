package echobench.harness.study;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import echobench.harness.data.Split;
import echobench.harness.task.EchoTask;
import echobench.models.Devices;
import echobench.reports.io.InputException;
import echobench.reports.io.Sha256;
import echobench.reports.io.StrictYaml;
import echobench.reports.results.Prediction;
import echobench.reports.results.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code echobench run}: the whole study of one config (DESIGN §2–§8). Loads the datasets
 * (generating synthetic ones into their cache), pretrains or loads every encoder, fits the probes
 * on clean TRAIN features and selects them on VAL, evaluates every dataset × condition × probe with
 * perturbations applied in memory, adds the task's reference baseline, and writes the run
 * folder through {@link StudyOutputs}.
 *
 * <p>Every bad input (config, index file, model file, too many unreadable videos) is detected
 * before any table is written. Two runs of the same config and seed give byte-identical
 * {@code results.csv}; with {@code resume} the cached work of an interrupted run is reused and the
 * tables equal an uninterrupted run's.
 *
 * <p>Run integrity ({@link RunIntegrity}): every group of predictions is checked against the videos
 * that went in and every dataset's groups against each other before any table is written; {@code
 * run.json} records the checks with the SHA-256 of the config, of every weight file and trained
 * probe, the thread counts and the build.
 */
public final class StudyRun {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /**
   * The system property holding the git commit EchoBench was built from ({@code git describe
   * --always --dirty}); the launcher sets it, and {@code run.json} says {@code unknown} without it.
   */
  static final String COMMIT_PROPERTY = "echobench.commit";

  /**
   * How a run is started.
   *
   * @param out the run folder
   * @param device {@code cpu}, {@code gpu}, or null to take the config's
   * @param resume reuse the finished work in the run folder's cache
   * @param progress draw progress bars
   * @param zoo where {@code zoo:<name>} checkpoints are found
   * @param shard the part of the study this process does ({@link ShardPlan#WHOLE}: all of it)
   */
  public record Options(Path out, String device, boolean resume, boolean progress, ModelZoo zoo,
      ShardPlan shard) {
    /** Options with the zoo of {@link ModelZoo#forCommand} without a {@code --zoo} option. */
    public Options(Path out, String device, boolean resume, boolean progress) {
      this(out, device, resume, progress, ModelZoo.forCommand(null));
    }

    /** Options for the whole study. */
    public Options(Path out, String device, boolean resume, boolean progress, ModelZoo zoo) {
      this(out, device, resume, progress, zoo, ShardPlan.WHOLE);
    }
  }

  /**
   * What a finished run wrote.
   *
   * @param out the run folder
   * @param results the rows of {@code results.csv}
   * @param summary the summary table as plain text, for the terminal
   */
  public record Outcome(Path out, List<Result> results, String summary) {}

  private StudyRun() {}

  /**
   * Runs the study in {@code configFile}.
   *
   * @throws InputException for any bad input, naming the file (and line)
   */
  public static Outcome execute(Path configFile, Options options) {
    return execute(configFile, options, null);
  }

  /**
   * Runs the study in {@code configFile} against a memory {@code budget} (null: this JVM's and
   * machine's, {@link MemoryPreflight.Budget#of}).
   */
  static Outcome execute(Path configFile, Options options, MemoryPreflight.Budget budget) {
    if (options.shard().isWhole()) {
      return study(configFile, options, budget);
    }
    Path out = options.out().toAbsolutePath().normalize();
    RunFolder.claim(out);
    try (CacheLock running = RunCache.shardLock(out, options.shard())) {
      return study(configFile, options, budget);
    }
  }

  /**
   * Writes the tables of run folder {@code runDir} from the cached work of its shards, once all
   * have finished ({@link ShardRecord#requireComplete}); the tables equal a one-process run's.
   * {@code options.out()} and {@code options.resume()} are ignored.
   */
  public static Outcome merge(Path runDir, Options options) {
    Path out = runDir.toAbsolutePath().normalize();
    Path config = ShardRecord.requireComplete(out);
    return execute(config, new Options(out, options.device(), true, options.progress(),
        options.zoo()));
  }

  private static Outcome study(Path configFile, Options options,
      MemoryPreflight.Budget budget) {
    Instant started = Instant.now();
    Map<String, Double> timings = new LinkedHashMap<>();
    long clock = System.nanoTime();
    StudyConfig config = StudyConfig.read(configFile);
    Path configDir = configFile.toAbsolutePath().getParent();
    Path out = options.out().toAbsolutePath().normalize();
    RunFolder.claim(out);
    Path synthCache = config.cache() != null
        ? configDir.resolve(config.cache())
        : out.getParent().resolve(".echobench-cache");
    StudyProgress progress = new StudyProgress(options.progress());
    SyntheticCohorts cohorts = new SyntheticCohorts(synthCache, progress);
    Map<String, StudyDataset> datasets = new LinkedHashMap<>();
    for (String name : used(config)) {
      datasets.put(name, StudyDataset.load(name, config.datasets().get(name), configDir, cohorts,
          config.task()));
    }
    clock = lap(timings, "datasets", clock);

    Device device = Devices.resolve(options.device() != null ? options.device() : config.device());
    RunCache cache = RunCache.open(out, options.resume() || !options.shard().isWhole());
    ShardPlan.Units units = options.shard().units(config);
    EchoTask task = config.task();
    SkipPolicy skips = new SkipPolicy(config.maxSkipFraction());
    List<StudyEncoder> encoders = new ArrayList<>();
    List<StudyProbe> probes = new ArrayList<>();
    List<Prediction> predictions = new ArrayList<>();
    RunIntegrity.Checks checks = new RunIntegrity.Checks();
    TrainingRecord training;
    Map<String, Map<String, Object>> imports;
    try (NDManager manager = NDManager.newBaseManager(device)) {
      try {
        EncoderLoader loader =
            new EncoderLoader(configDir, options.zoo(), cache.models(), config.sampling(), device);
        for (ModelConfig model : config.models()) {
          encoders.add(loader.load(model, manager));
        }
        imports = loader.importReports();
        new MemoryPreflight(budget != null ? budget : MemoryPreflight.Budget.of(device))
            .check(configFile, datasets.values(), encoders, config.probes());
        clock = lap(timings, "models", clock);
        FeaturePass pass = new FeaturePass(encoders, config::maskFor, config.masksInUse(),
            config.seed(), config.scale(), skips, manager);
        StudyDataset train = datasets.get(config.train());
        ProbeTrainingStep.Outcome fitted = new ProbeTrainingStep(config, cache, task,
            config.labelSubsets(), units).run(train, encoders, pass, manager, progress);
        probes.addAll(fitted.probes());
        training = fitted.record();
        if (training != null) {
          skips.addAll(training.skipped());
        }
        Map<String, List<StudyProbe>> fineTuned = new LinkedHashMap<>();
        for (String name : config.fineTuned()) {
          if (datasets.get(name).samples(Split.TEST).isEmpty()) {
            throw new InputException(datasets.get(name).source() + ": dataset " + name
                + " is fine-tuned but has no TEST samples to evaluate on");
          }
          ProbeTrainingStep.Outcome tuned = new ProbeTrainingStep(config, cache, task,
              List.of(LabelSubset.ALL), units).run(datasets.get(name), encoders, pass, manager,
              progress);
          fineTuned.put(name, tuned.probes().stream().map(StudyProbe::fineTuned).toList());
          probes.addAll(fineTuned.get(name));
          if (tuned.record() != null) {
            skips.addAll(tuned.record().skipped());
          }
        }
        clock = lap(timings, "probes", clock);
        EvaluationStep evaluation = new EvaluationStep(config, cache, task, checks, units);
        for (String name : config.evaluate()) {
          List<StudyProbe> evaluated = new ArrayList<>(fitted.probes());
          evaluated.addAll(fineTuned.getOrDefault(name, List.of()));
          predictions.addAll(evaluation.run(datasets.get(name),
              name.equals(config.train()) || fineTuned.containsKey(name),
              encoders, evaluated, pass, skips, progress));
        }
        clock = lap(timings, "evaluation", clock);
        if (!units.whole()) {
          ShardPlan shard = options.shard();
          new ShardRecord(configFile.toAbsolutePath().normalize().toString(),
              Sha256.hexOfFile(configFile), shard.index(), shard.count(), units.size())
              .write(cache.shardRecord(shard));
          return new Outcome(out, List.of(), "shard " + shard + ": " + units.size() + " of "
              + ShardPlan.allUnits(config).size() + " units of work done in " + out
              + "; `echobench merge` writes the tables once all " + shard.count()
              + " shards have finished\n");
        }
      } finally {
        probes.forEach(StudyProbe::close);
        encoders.forEach(StudyEncoder::close);
      }
    }
    predictions.addAll(training.baseline(task).predictions(predictions));
    RunIntegrity.requireAligned(predictions);
    PerturbationGallery.write(out, datasets.get(config.train()), config.conditions(),
        config::maskFor, config.seed(), config.scale());
    StudyOutputs outputs = new StudyOutputs(out, config);
    List<Result> results = outputs.write(predictions, configYaml(config),
        PatientIds.of(datasets, predictions));
    lap(timings, "outputs", clock);
    Map<String, Integer> videos = new LinkedHashMap<>();
    for (Prediction p : predictions) {
      if (p.condition().isClean() && p.model().equals(predictions.get(0).model())) {
        videos.merge(p.dataset(), 1, Integer::sum);
      }
    }
    Map<String, String> models = new LinkedHashMap<>();
    encoders.forEach(e -> models.put(e.name(), e.fingerprint()));
    Map<String, String> probeKeys = new LinkedHashMap<>();
    probes.forEach(p -> probeKeys.put(p.modelName(encoders.get(p.encoder())), p.key()));
    Map<String, Map<String, String>> weights = new LinkedHashMap<>();
    encoders.forEach(e -> weights.put(e.name(), new TreeMap<>(e.weights())));
    Map<String, Map<String, String>> probeFiles = new LinkedHashMap<>();
    probes.forEach(p -> probeFiles.put(p.modelName(encoders.get(p.encoder())),
        filesSha256(cache.probe(encoders.get(p.encoder()).name(), p.config().name(), p.key()))));
    Map<String, String> versions = versions();
    RunIntegrity integrity = new RunIntegrity(Sha256.hexOfFile(configFile),
        versions.get("echobench"), System.getProperty(COMMIT_PROPERTY, "unknown"), threads(),
        weights, probeFiles, checks.groups());
    outputs.writeManifest(new RunManifest(config.name(), configFile.toString(), config.seed(),
        device.toString(), options.resume(), started.toString(), versions, timings, videos,
        models, probeKeys, training.baseline(), skips.skipped(), imports, integrity,
        RunManifest.draws(config.labelSubsets(), config.seed())));
    return new Outcome(out, results, outputs.summaryText(results) + integrity.statement());
  }

  /** The train dataset and the evaluated ones, in config order. */
  private static List<String> used(StudyConfig config) {
    List<String> names = new ArrayList<>();
    for (String name : config.datasets().keySet()) {
      if (name.equals(config.train()) || config.evaluate().contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static String configYaml(StudyConfig config) {
    try {
      return StrictYaml.mapper().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the resolved config", e);
    }
  }

  private static Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    String own = StudyRun.class.getPackage().getImplementationVersion();
    versions.put("echobench", own == null ? "development build" : own);
    versions.put("java", System.getProperty("java.version"));
    versions.put("djl", Engine.getDjlVersion());
    Engine engine = Engine.getInstance();
    versions.put("engine", engine.getEngineName() + " " + engine.getVersion());
    return versions;
  }

  /** The SHA-256 of every file of {@code dir}, by name. */
  private static Map<String, String> filesSha256(Path dir) {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(Files::isRegularFile).sorted().forEach(
          f -> digests.put(f.getFileName().toString(), Sha256.hexOfFile(f)));
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list the trained probe (" + e.getMessage() + ")",
          e);
    }
    return digests;
  }

  /** PyTorch's intra-op and inter-op thread counts. */
  private static Map<String, Integer> threads() {
    Map<String, Integer> threads = new LinkedHashMap<>();
    threads.put("intra_op", JniUtils.getNumThreads());
    threads.put("inter_op", JniUtils.getNumInteropThreads());
    return threads;
  }

  private static long lap(Map<String, Double> timings, String phase, long since) {
    long now = System.nanoTime();
    timings.put(phase, Math.round((now - since) / 1e7) / 100.0);
    return now;
  }

  /** The JSON writer of {@code run.json}. */
  static ObjectMapper json() {
    return JSON;
  }
}
