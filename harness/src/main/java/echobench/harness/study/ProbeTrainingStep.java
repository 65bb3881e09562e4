package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.models.probe.FeatureSource;
import echobench.models.probe.FeatureStore;
import echobench.models.probe.Probe;
import echobench.harness.task.EchoTask;
import echobench.perturb.Seeds;
import echobench.reports.Condition;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fits every probe of every encoder on the clean features of the train dataset's TRAIN split and
 * selects its grid on the VAL split (the TEST split never enters). Features are extracted in one
 * streaming pass for all encoders that still need them, written to one {@link FeatureStore} file
 * per encoder and split in the run cache (keyed by what produced them; a resumed run reuses them),
 * and the probes train by reading mini-batches from those files, so memory does not grow with the
 * number of videos. Trained probes are cached by a hash of their inputs and loaded on resume.
 * Each probe is fitted once per {@link LabelSubset} of TRAIN (a subset reads the same store by
 * index), always on all of TRAIN first.
 *
 * <p>A shard ({@link ShardPlan}) fits the probes it owns and loads or fits those its evaluation
 * groups need, and no others. Each encoder's stores and each probe are made under their {@link
 * CacheLock} (encoders locked in model order) and looked for again once it is held, so processes
 * sharing the cache make each once; a probe is saved into a temporary folder and moved into place.
 * The training record is written by whichever process encodes a store while it is missing.
 */
final class ProbeTrainingStep {
  /** The splits whose features are stored, in store index order. */
  private static final List<Split> SPLITS = List.of(Split.TRAIN, Split.VAL);

  private final StudyConfig config;
  private final RunCache cache;
  private final EchoTask task;
  private final List<LabelSubset> subsets;
  private final ShardPlan.Units shard;

  /** Fits every probe on each of the study's {@link StudyConfig#labelSubsets training sets}. */
  ProbeTrainingStep(StudyConfig config, RunCache cache, EchoTask task) {
    this(config, cache, task, config.labelSubsets());
  }

  /** Fits every probe on each of {@code subsets} of TRAIN. */
  ProbeTrainingStep(StudyConfig config, RunCache cache, EchoTask task,
      List<LabelSubset> subsets) {
    this(config, cache, task, subsets, ShardPlan.WHOLE.units(config));
  }

  /** Fits the probes of {@code shard} (and those its evaluation needs) on {@code subsets}. */
  ProbeTrainingStep(StudyConfig config, RunCache cache, EchoTask task,
      List<LabelSubset> subsets, ShardPlan.Units shard) {
    this.config = config;
    this.cache = cache;
    this.task = task;
    this.subsets = List.copyOf(subsets);
    this.shard = shard;
  }

  /**
   * The probes and what the training pass found ({@code record} is null only for a shard that
   * found the training record missing and encoded no store).
   */
  record Outcome(List<StudyProbe> probes, TrainingRecord record) {}

  /** Trains (or loads) the probes of {@code encoders} on {@code train}. */
  Outcome run(StudyDataset train, List<StudyEncoder> encoders, FeaturePass pass,
      NDManager manager, StudyProgress progress) {
    requireHeadsDivideWidths(encoders);
    List<Sample> fit = train.samples(Split.TRAIN);
    List<Sample> val = train.samples(Split.VAL);
    if (fit.isEmpty() || val.isEmpty()) {
      throw new InputException(train.source() + ": dataset " + train.name()
          + " needs TRAIN and VAL samples to fit"
          + " and select the probes (found " + fit.size() + " and " + val.size() + ")");
    }
    // "baseline scores": records written before the baseline's class frequencies are not reused
    String recordKey =
        Fingerprint.of("training").add(train.fingerprint()).add("baseline scores").hex();
    Optional<TrainingRecord> cachedRecord = cache.training(recordKey);
    List<String> keys = new ArrayList<>();
    List<Boolean> wanted = new ArrayList<>();
    boolean[] extract = new boolean[encoders.size()];
    List<String> evaluatedOn = train.name().equals(config.train()) ? config.evaluate()
        : List.of(train.name());
    for (int e = 0; e < encoders.size(); e++) {
      String model = encoders.get(e).name();
      boolean evaluates = shard.evaluatesAny(evaluatedOn, model, config.conditions());
      for (ProbeSpec p : config.probes()) {
        String key = Fingerprint.of("probe").add(encoders.get(e).fingerprint()).addJson(p)
            .addJson(config.sampling()).add(config.seed()).add(train.fingerprint()).hex();
        for (LabelSubset subset : subsets) {
          boolean want = evaluates || shard.fits(train.name(), model, p.name(), subset.suffix());
          keys.add(subset.key(key));
          wanted.add(want);
          extract[e] |= want && !Files.isDirectory(probeDir(encoders.get(e), p, subset.key(key)));
        }
      }
      extract[e] |= shard.whole() && cachedRecord.isEmpty();
    }
    FeatureStore.Dtype dtype = config.featureStore().storeDtype();
    Path[][] stores = new Path[encoders.size()][];
    String[][] storeKeys = new String[encoders.size()][];
    boolean[] encode = new boolean[encoders.size()];
    for (int e = 0; e < encoders.size(); e++) {
      storeKeys[e] = new String[SPLITS.size()];
      stores[e] = new Path[SPLITS.size()];
      for (int s = 0; s < SPLITS.size(); s++) {
        storeKeys[e][s] = Fingerprint.of("features").add(encoders.get(e).fingerprint())
            .addJson(config.sampling()).add(config.seed()).add(train.fingerprint())
            .add(SPLITS.get(s).toString()).add(Condition.CLEAN.label())
            .add(config.maskKey(Condition.CLEAN)).add(task.id()).add(dtype.toString()).hex();
        stores[e][s] = cache.features(encoders.get(e).name(), SPLITS.get(s).toString(),
            storeKeys[e][s]);
      }
      encode[e] = extract[e]
          && !(Files.isRegularFile(stores[e][0]) && Files.isRegularFile(stores[e][1]));
    }
    TrainingRecord record = cachedRecord.orElse(null);
    List<CacheLock> locks = new ArrayList<>();
    try {
      for (int e = 0; e < encoders.size(); e++) {
        if (encode[e]) {
          locks.add(cache.lock(stores[e][0].getFileName().toString()));
          encode[e] = !(Files.isRegularFile(stores[e][0]) && Files.isRegularFile(stores[e][1]));
        }
      }
      if (anyTrue(encode) || (record == null && shard.whole())) {
        List<SkippedVideo> skipped = writeStores(train, fit, val, encoders, encode, stores,
            storeKeys, dtype, pass, progress);
        if (record == null) {
          int e = Math.max(0, firstTrue(extract));
          try (FeatureStore fitStore = FeatureStore.open(stores[e][0], storeKeys[e][0]);
              FeatureStore valStore = FeatureStore.open(stores[e][1], storeKeys[e][1])) {
            record = new TrainingRecord(task.baseline(fitStore.labels()), fitStore.size(),
                valStore.size(), skipped);
          }
          cache.saveTraining(recordKey, record);
        }
      }
    } finally {
      locks.forEach(CacheLock::close);
    }
    List<StudyProbe> probes = new ArrayList<>();
    int k = 0;
    for (int e = 0; e < encoders.size(); e++) {
      FeatureStore fitStore = null;
      FeatureStore valStore = null;
      try {
        for (ProbeSpec p : config.probes()) {
          for (LabelSubset subset : subsets) {
            boolean want = wanted.get(k);
            String key = keys.get(k++);
            if (!want) {
              continue;
            }
            Path dir = probeDir(encoders.get(e), p, key);
            Probe probe;
            try (CacheLock lock = cache.lock(dir.getFileName().toString())) {
              if (Files.isDirectory(dir)) {
                probe = Probe.load(dir, manager);
              } else {
                if (fitStore == null) {
                  fitStore = FeatureStore.open(stores[e][0], storeKeys[e][0]);
                  valStore = FeatureStore.open(stores[e][1], storeKeys[e][1]);
                }
                probe = train(p, subset.of(fitStore, config.seed()), valStore, dir, manager,
                    progress, encoders.get(e).name() + "/" + p.name() + subset.suffix());
              }
            }
            probes.add(new StudyProbe(e, p, subset.suffix(), key, probe));
          }
        }
      } finally {
        if (fitStore != null) {
          fitStore.close();
          valStore.close();
        }
      }
    }
    return new Outcome(probes, record);
  }

  /**
   * Streams the TRAIN and VAL videos once through the encoders marked in {@code encode}, writing
   * each encoder's features of each split to its store file; returns the videos skipped. The
   * stores are published only when the pass is complete.
   */
  private List<SkippedVideo> writeStores(StudyDataset train, List<Sample> fit, List<Sample> val,
      List<StudyEncoder> encoders, boolean[] encode, Path[][] stores, String[][] storeKeys,
      FeatureStore.Dtype dtype, FeaturePass pass, StudyProgress progress) {
    List<Sample> both = new ArrayList<>(fit);
    both.addAll(val);
    FeatureStore.Writer[][] writers = new FeatureStore.Writer[encoders.size()][SPLITS.size()];
    try (StudyProgress.Bar bar = progress.bar("features " + train.name() + " train+val",
        both.size())) {
      List<SkippedVideo> skipped = pass.run(train.name(), TaskViews.names(task), both,
          List.of(Condition.CLEAN),
          (e, c) -> encode[e],
          (e, c, samples, tokens, perClip) -> {
            for (int i = 0; i < samples.size(); i++) {
              Sample s = samples.get(i);
              int split = SPLITS.indexOf(s.split());
              try {
                if (writers[e][split] == null) {
                  writers[e][split] = FeatureStore.create(stores[e][split],
                      encoders.get(e).layout(task.views().size(), perClip), task.probeTask(),
                      dtype,
                      storeKeys[e][split]);
                }
                writers[e][split].add(TaskViews.features(task, s.id(), tokens.get(i),
                    task.label(s)));
              } catch (IOException x) {
                throw storeFailure(stores[e][split], x);
              }
            }
          }, bar::step);
      for (int e = 0; e < encoders.size(); e++) {
        for (int s = 0; s < SPLITS.size(); s++) {
          if (encode[e]) {
            if (writers[e][s] == null) {
              throw new InputException(train.source() + ": dataset " + train.name()
                  + " has no readable " + SPLITS.get(s) + " video");
            }
            try {
              writers[e][s].finish();
            } catch (IOException x) {
              throw storeFailure(stores[e][s], x);
            }
          }
        }
      }
      return skipped;
    } finally {
      for (FeatureStore.Writer[] perEncoder : writers) {
        for (FeatureStore.Writer writer : perEncoder) {
          closeQuietly(writer);
        }
      }
    }
  }

  private static InputException storeFailure(Path file, IOException e) {
    return new InputException(file + ": cannot write the feature store (" + e.getMessage()
        + ")", e);
  }

  private static void closeQuietly(FeatureStore.Writer writer) {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException ignored) {
      // Only a partial file is left behind; the next run truncates it.
    }
  }

  /** Checks each probe against each loaded encoder's token width. */
  private void requireHeadsDivideWidths(List<StudyEncoder> encoders) {
    for (StudyEncoder encoder : encoders) {
      int width = encoder.encoder().embedDim();
      for (ProbeSpec p : config.probes()) {
        p.misfit(width).ifPresent(why -> {
          throw new InputException("probe " + p.name() + ": " + why + " of model "
              + encoder.name());
        });
      }
    }
  }

  /**
   * Fits probe {@code p} and saves it to {@code dir} (whole or not at all: a killed run never
   * leaves a half-written probe that looks finished).
   */
  private Probe train(ProbeSpec p, FeatureSource fit, FeatureStore val, Path dir,
      NDManager manager, StudyProgress progress, String model) {
    long seed = Seeds.derive(config.seed(), "probe", p.name());
    Probe probe = p.fit(fit, val, seed, manager, progress, model);
    try {
      probe.save(dir);
    } catch (IOException e) {
      probe.close();
      throw new InputException(dir + ": cannot save the probe (" + e.getMessage() + ")", e);
    }
    return probe;
  }

  private Path probeDir(StudyEncoder encoder, ProbeSpec p, String key) {
    return cache.probe(encoder.name(), p.name(), key);
  }

  private static boolean anyTrue(boolean[] flags) {
    return firstTrue(flags) >= 0;
  }

  private static int firstTrue(boolean[] flags) {
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        return i;
      }
    }
    return -1;
  }
}
