package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import echobench.harness.BadInputException;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.models.probe.AttentiveProbe;
import echobench.models.probe.FeatureSample;
import echobench.models.probe.FeatureSet;
import echobench.models.probe.KnnProbe;
import echobench.models.probe.LinearProbe;
import echobench.models.probe.Probe;
import echobench.models.probe.ProbeKind;
import echobench.models.probe.ProbeTask;
import echobench.models.probe.ProbeTraining;
import echobench.perturb.Seeds;
import echobench.reports.Condition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fits every probe of every encoder on the clean features of the train dataset's TRAIN split and
 * selects its grid on the VAL split (the TEST split never enters). Features are extracted in one
 * streaming pass for all encoders that still need them and held as {@link FeatureSet}s while the
 * probes train: {@code videos × clips × tokens × dim × 4} bytes per encoder and split (see {@link
 * FeatureSet}). Trained probes are cached by a hash of their inputs and loaded on resume.
 */
final class ProbeTrainingStep {
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
      throw new BadInputException(train.source() + ": dataset " + train.name()
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
    Map<Integer, FeatureSet.Builder> fitFeatures = new HashMap<>();
    Map<Integer, FeatureSet.Builder> valFeatures = new HashMap<>();
    Map<Integer, FeatureSet> fitSets = new HashMap<>();
    Map<Integer, FeatureSet> valSets = new HashMap<>();
    TrainingRecord record = cachedRecord.orElse(null);
    if (anyTrue(extract)) {
      List<Sample> both = new ArrayList<>(fit);
      both.addAll(val);
      List<SkippedVideo> skipped;
      try (StudyProgress.Bar bar = progress.bar("features " + train.name() + " train+val",
          both.size())) {
        skipped = pass.run(train.name(), both, List.of(Condition.CLEAN), (e, c) -> extract[e],
            (e, c, samples, tokens, perClip) -> {
              for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                Map<Integer, FeatureSet.Builder> into =
                    s.split() == Split.TRAIN ? fitFeatures : valFeatures;
                into.computeIfAbsent(e, k -> FeatureSet.builder(encoders.get(k).layout(perClip),
                    task)).add(FeatureSample.of(s.id(), tokens.get(i),
                        StudyDataset.label(s, config.task())));
              }
            }, bar::step);
      }
      for (int e : fitFeatures.keySet()) {
        fitSets.put(e, fitFeatures.get(e).build());
        valSets.put(e, valFeatures.get(e).build());
      }
      if (record == null) {
        FeatureSet fitSet = fitSets.get(firstTrue(extract));
        record = new TrainingRecord(baseline(fitSet.labels()), fitSet.size(),
            valSets.get(firstTrue(extract)).size(), skipped);
        cache.saveTraining(recordKey, record);
      }
    }
    List<StudyProbe> probes = new ArrayList<>();
    int k = 0;
    for (int e = 0; e < encoders.size(); e++) {
      FeatureSet fitSet = fitSets.get(e);
      FeatureSet valSet = valSets.get(e);
      for (ProbeConfig p : config.probes()) {
        String key = keys.get(k++);
        Path dir = probeDir(encoders.get(e), p, key);
        Probe probe = Files.isDirectory(dir)
            ? Probe.load(dir, manager)
            : train(p, fitSet, valSet, dir, manager, progress,
                encoders.get(e).name() + "/" + p.name());
        probes.add(new StudyProbe(e, p, key, probe));
      }
    }
    return new Outcome(probes, record);
  }

  /** Checks each attentive probe's heads against each loaded encoder's token width. */
  private void requireHeadsDivideWidths(List<StudyEncoder> encoders) {
    for (StudyEncoder encoder : encoders) {
      int width = encoder.encoder().embedDim();
      for (ProbeConfig p : config.probes()) {
        if (p.probeKind() == ProbeKind.ATTENTIVE && width % p.heads() != 0) {
          throw new BadInputException("probe " + p.name() + ": heads " + p.heads()
              + " do not divide model " + encoder.name() + "'s token width " + width);
        }
      }
    }
  }

  private Probe train(ProbeConfig p, FeatureSet fit, FeatureSet val, Path dir,
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
      throw new BadInputException(dir + ": cannot save the probe (" + e.getMessage() + ")", e);
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
