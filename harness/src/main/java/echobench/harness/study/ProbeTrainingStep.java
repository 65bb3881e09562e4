package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.models.probe.AttentiveProbe;
import echobench.models.probe.FeatureSample;
import echobench.models.probe.FeatureStore;
import echobench.models.probe.KnnProbe;
import echobench.models.probe.LinearProbe;
import echobench.models.probe.Probe;
import echobench.models.probe.ProbeKind;
import echobench.models.probe.ProbeTask;
import echobench.models.probe.ProbeTraining;
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
 */
final class ProbeTrainingStep {
  /** The splits whose features are stored, in store index order. */
  private static final List<Split> SPLITS = List.of(Split.TRAIN, Split.VAL);

  private final StudyConfig config;
  private final RunCache cache;
  private final ProbeTask task;

  ProbeTrainingStep(StudyConfig config, RunCache cache, ProbeTask task) {
    this.config = config;
    this.cache = cache;
    this.task = task;
  }

  /** The probes and what the training pass found. */
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
    String recordKey = Fingerprint.of("training").add(train.fingerprint()).hex();
    Optional<TrainingRecord> cachedRecord = cache.training(recordKey);
    List<String> keys = new ArrayList<>();
    boolean[] extract = new boolean[encoders.size()];
    for (int e = 0; e < encoders.size(); e++) {
      for (ProbeConfig p : config.probes()) {
        String key = Fingerprint.of("probe").add(encoders.get(e).fingerprint()).addJson(p)
            .addJson(config.sampling()).add(config.seed()).add(train.fingerprint()).hex();
        keys.add(key);
        extract[e] |= !Files.isDirectory(probeDir(encoders.get(e), p, key));
      }
      extract[e] |= cachedRecord.isEmpty();
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
            .add(config.maskKey(Condition.CLEAN)).add(config.task()).add(dtype.toString()).hex();
        stores[e][s] = cache.features(encoders.get(e).name(), SPLITS.get(s).toString(),
            storeKeys[e][s]);
      }
      encode[e] = extract[e]
          && !(Files.isRegularFile(stores[e][0]) && Files.isRegularFile(stores[e][1]));
    }
    TrainingRecord record = cachedRecord.orElse(null);
    if (anyTrue(encode) || record == null) {
      List<SkippedVideo> skipped = writeStores(train, fit, val, encoders, encode, stores,
          storeKeys, dtype, pass, progress);
      if (record == null) {
        int e = Math.max(0, firstTrue(extract));
        try (FeatureStore fitStore = FeatureStore.open(stores[e][0], storeKeys[e][0]);
            FeatureStore valStore = FeatureStore.open(stores[e][1], storeKeys[e][1])) {
          record = new TrainingRecord(baseline(fitStore.labels()), fitStore.size(),
              valStore.size(), skipped);
        }
        cache.saveTraining(recordKey, record);
      }
    }
    List<StudyProbe> probes = new ArrayList<>();
    int k = 0;
    for (int e = 0; e < encoders.size(); e++) {
      FeatureStore fitStore = null;
      FeatureStore valStore = null;
      try {
        for (ProbeConfig p : config.probes()) {
          String key = keys.get(k++);
          Path dir = probeDir(encoders.get(e), p, key);
          Probe probe;
          if (Files.isDirectory(dir)) {
            probe = Probe.load(dir, manager);
          } else {
            if (fitStore == null) {
              fitStore = FeatureStore.open(stores[e][0], storeKeys[e][0]);
              valStore = FeatureStore.open(stores[e][1], storeKeys[e][1]);
            }
            probe = train(p, fitStore, valStore, dir, manager, progress,
                encoders.get(e).name() + "/" + p.name());
          }
          probes.add(new StudyProbe(e, p, key, probe));
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
      List<SkippedVideo> skipped = pass.run(train.name(), both, List.of(Condition.CLEAN),
          (e, c) -> encode[e],
          (e, c, samples, tokens, perClip) -> {
            for (int i = 0; i < samples.size(); i++) {
              Sample s = samples.get(i);
              int split = SPLITS.indexOf(s.split());
              try {
                if (writers[e][split] == null) {
                  writers[e][split] = FeatureStore.create(stores[e][split],
                      encoders.get(e).layout(perClip), task, dtype, storeKeys[e][split]);
                }
                writers[e][split].add(FeatureSample.of(s.id(), tokens.get(i),
                    StudyDataset.label(s, config.task())));
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

  /** Checks each attentive probe's heads against each loaded encoder's token width. */
  private void requireHeadsDivideWidths(List<StudyEncoder> encoders) {
    for (StudyEncoder encoder : encoders) {
      int width = encoder.encoder().embedDim();
      for (ProbeConfig p : config.probes()) {
        if (p.probeKind() == ProbeKind.ATTENTIVE && width % p.heads() != 0) {
          throw new InputException("probe " + p.name() + ": heads " + p.heads()
              + " do not divide model " + encoder.name() + "'s token width " + width);
        }
      }
    }
  }

  private Probe train(ProbeConfig p, FeatureStore fit, FeatureStore val, Path dir,
      NDManager manager, StudyProgress progress, String model) {
    long seed = Seeds.derive(config.seed(), "probe", p.name());
    Probe probe;
    if (p.probeKind() == ProbeKind.KNN) {
      probe = KnnProbe.fit(fit, p.knn());
    } else {
      ProbeTraining training = p.training(seed);
      try (StudyProgress.Bar bar = progress.epochs(model, training.epochs())) {
        probe = p.probeKind() == ProbeKind.ATTENTIVE
            ? AttentiveProbe.train(fit, val, p.attentive(), training, manager,
                progress.listener(bar))
            : LinearProbe.train(fit, val, training, manager, progress.listener(bar));
      }
    }
    try {
      probe.save(dir);
    } catch (IOException e) {
      probe.close();
      throw new InputException(dir + ": cannot save the probe (" + e.getMessage() + ")", e);
    }
    return probe;
  }

  private Path probeDir(StudyEncoder encoder, ProbeConfig p, String key) {
    return cache.probe(encoder.name(), p.name(), key);
  }

  /** The mean training target, or for classes the most frequent (lowest index among equals). */
  private double baseline(float[] labels) {
    if (task.isRegression()) {
      double sum = 0;
      for (float l : labels) {
        sum += l;
      }
      return sum / labels.length;
    }
    int[] counts = new int[task.classes()];
    for (float l : labels) {
      counts[(int) l]++;
    }
    int best = 0;
    for (int c = 1; c < counts.length; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return best;
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
