package echobench.harness.study;

import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.models.probe.FeatureSet;
import echobench.models.probe.Predictions;
import echobench.harness.task.EchoTask;
import echobench.reports.Condition;
import echobench.reports.results.Prediction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates every probe on one dataset under every condition: the train dataset's TEST split, any
 * other dataset whole (zero-shot). Videos stream through {@link FeaturePass}; each chunk's features
 * go straight to the probes, so only per-video predictions accumulate. Each (model, condition)
 * group is cached when the dataset is done; on resume the cached groups are read back and only the
 * missing ones are computed (a dataset whose groups are all cached is not decoded at all). Every
 * group, computed or cached, is checked to cover the dataset's readable videos in order before it
 * is returned ({@link RunIntegrity}).
 */
final class EvaluationStep {
  private final StudyConfig config;
  private final RunCache cache;
  private final EchoTask task;
  private final RunIntegrity.Checks checks;
  private final ShardPlan.Units shard;

  /** One group of predictions: a probe (on its encoder) under one condition. */
  private record Group(StudyProbe probe, Condition condition) {}

  /**
   * @param checks where each group of predictions is checked against the videos that went in
   */
  EvaluationStep(StudyConfig config, RunCache cache, EchoTask task, RunIntegrity.Checks checks) {
    this(config, cache, task, checks, ShardPlan.WHOLE.units(config));
  }

  /**
   * Evaluates only the groups of {@code shard}: a shard caches its groups and returns no
   * predictions ({@code echobench merge} reads them all back).
   */
  EvaluationStep(StudyConfig config, RunCache cache, EchoTask task, RunIntegrity.Checks checks,
      ShardPlan.Units shard) {
    this.config = config;
    this.cache = cache;
    this.task = task;
    this.checks = checks;
    this.shard = shard;
  }

  /** The predictions of one dataset, in condition, model, probe and video order. */
  List<Prediction> run(StudyDataset dataset, boolean isTrainDataset, List<StudyEncoder> encoders,
      List<StudyProbe> probes, FeaturePass pass, SkipPolicy skips, StudyProgress progress) {
    List<Sample> samples = isTrainDataset ? dataset.samples(Split.TEST) : dataset.samples();
    List<Condition> conditions = config.conditions();
    Map<Group, String> keys = new HashMap<>();
    Map<Group, PredictionGroupFile> groups = new HashMap<>();
    Set<Group> needed = new HashSet<>();
    for (Condition c : conditions) {
      for (StudyProbe p : probes) {
        Group id = new Group(p, c);
        // "with scores": cached groups written before class probabilities were kept are not reused
        String key = Fingerprint.of("predictions").add("with scores").add(p.key()).add(dataset.fingerprint())
            .add(isTrainDataset ? "test-split" : "whole").add(c.label()).add(config.seed())
            .add(config.maskKey(c)).hex();
        keys.put(id, key);
        Optional<PredictionGroupFile> cached = cache.predictions(key);
        if (cached.isPresent()) {
          groups.put(id, cached.get());
          skips.addAll(cached.get().skipped());
        } else if (shard.evaluates(dataset.name(), encoders.get(p.encoder()).name(), c)) {
          needed.add(id);
        }
      }
    }
    if (!needed.isEmpty()) {
      Map<Group, List<Prediction>> fresh = new HashMap<>();
      List<SkippedVideo> skipped;
      try (StudyProgress.Bar bar = progress.bar("evaluate " + dataset.name(), samples.size())) {
        skipped = pass.run(dataset.name(), TaskViews.names(task), samples, conditions,
            (e, c) -> probes.stream().anyMatch(p -> p.encoder() == e
                && needed.contains(new Group(p, c))),
            (e, c, chunk, tokens, perClip) -> {
              FeatureSet.Builder features =
                  FeatureSet.builder(encoders.get(e).layout(task.views().size(), perClip),
                      task.probeTask());
              for (int i = 0; i < chunk.size(); i++) {
                features.add(TaskViews.features(task, chunk.get(i).id(), tokens.get(i),
                    task.label(chunk.get(i))));
              }
              FeatureSet set = features.build();
              for (StudyProbe p : probes) {
                Group id = new Group(p, c);
                if (p.encoder() == e && needed.contains(id)) {
                  String model = p.modelName(encoders.get(e));
                  fresh.computeIfAbsent(id, k -> new ArrayList<>())
                      .addAll(predictions(model, dataset.name(), c, set, p));
                }
              }
            }, bar::step);
      }
      for (Group id : needed) {
        PredictionGroupFile group = toFile(fresh.getOrDefault(id, List.of()), skipped,
            id.probe(), encoders, dataset.name(), id.condition());
        cache.savePredictions(keys.get(id), group);
        groups.put(id, group);
      }
    }
    if (!shard.whole()) {
      return List.of();
    }
    for (Condition c : conditions) {
      for (StudyProbe p : probes) {
        requireCovers(groups.get(new Group(p, c)), samples);
      }
    }
    List<Prediction> out = new ArrayList<>();
    for (Condition c : conditions) {
      if (!Reencode.isReencoded(c)) {
        addGroups(out, groups, probes, c, dataset.name());
      }
    }
    if (config.reencodes()) {
      String reencoded = Reencode.dataset(dataset.name());
      addGroups(out, groups, probes, Condition.CLEAN, reencoded);
      for (Condition c : conditions) {
        if (Reencode.isReencoded(c)) {
          addGroups(out, groups, probes, c, reencoded);
        }
      }
    }
    return out;
  }

  /**
   * Checks that {@code group} predicts every readable video of {@code samples} once, in order,
   * with its own label.
   */
  private void requireCovers(PredictionGroupFile group, List<Sample> samples) {
    Set<String> unreadable = new HashSet<>();
    group.skipped().forEach(s -> unreadable.add(s.video()));
    List<String> videos = new ArrayList<>(samples.size());
    List<Double> labels = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      if (!unreadable.contains(s.id())) {
        videos.add(s.id());
        labels.add((double) task.label(s));
      }
    }
    checks.check(group, videos, labels.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Appends every probe's predictions under {@code condition}, reported as {@code dataset} and, for
   * a {@link Reencode re-encoded} condition, as its plain condition.
   */
  private static void addGroups(List<Prediction> out, Map<Group, PredictionGroupFile> groups,
      List<StudyProbe> probes, Condition condition, String dataset) {
    Condition reported = Reencode.plain(condition);
    for (StudyProbe p : probes) {
      PredictionGroupFile g = groups.get(new Group(p, condition));
      for (int i = 0; i < g.videos().size(); i++) {
        out.add(new Prediction(g.model(), dataset, reported, g.videos().get(i), g.targets()[i],
            g.predictions()[i], g.scoresOf(i)));
      }
    }
  }

  private List<Prediction> predictions(String model, String dataset, Condition condition,
      FeatureSet set, StudyProbe probe) {
    Predictions predicted = probe.probe().predict(set);
    List<Prediction> rows = new ArrayList<>(set.size());
    for (int i = 0; i < set.size(); i++) {
      rows.add(new Prediction(model, dataset, condition, predicted.ids().get(i),
          set.sample(i).label(), task.prediction(predicted, i), task.scores(predicted, i)));
    }
    return rows;
  }

  private static PredictionGroupFile toFile(List<Prediction> rows, List<SkippedVideo> skipped,
      StudyProbe probe, List<StudyEncoder> encoders, String dataset, Condition condition) {
    double[] targets = new double[rows.size()];
    double[] values = new double[rows.size()];
    double[][] scores = new double[rows.size()][];
    List<String> videos = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      videos.add(rows.get(i).video());
      targets[i] = rows.get(i).target();
      values[i] = rows.get(i).prediction();
      scores[i] = rows.get(i).scores();
    }
    return new PredictionGroupFile(probe.modelName(encoders.get(probe.encoder())), dataset,
        condition.perturbationColumn(), condition.severity(), videos, targets, values, scores,
        skipped);
  }
}
