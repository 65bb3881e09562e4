package echobench.reports.render;

import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.metrics.Metric;
import echobench.reports.results.PredictionGroup;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.Result;
import echobench.reports.results.ResultIndex;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.BaselineCheck;
import echobench.reports.robustness.Degradation;
import echobench.reports.robustness.EffectiveRobustness;
import echobench.reports.stats.ConfidenceInterval;
import echobench.reports.stats.ModelComparison;
import echobench.reports.stats.PairedBootstrap;
import echobench.reports.stats.PairedComparison;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Assembles the report of a results table (and, when present, its per-video predictions), pictures
 * first: the verdict (most and least robust model with paired-bootstrap intervals), the
 * perturbation gallery, the scatter of clean against perturbed value with the effective-robustness
 * line, the degradation heatmap, severity curves with interval bands; then the tables: clean
 * metrics with intervals and against the reference baseline, per-condition metrics with Avg. Deg.,
 * the robustness summary with worst case, relative robustness and intervals, and paired
 * model-vs-model tests. The predict-the-training-mean baseline appears in every table and plot,
 * and a model whose clean error is within {@value BaselineCheck#MARGIN_PERCENT} % of it is
 * flagged.
 */
public final class ReportBuilder {
  private static final String FLAG = "⚠";
  private static final String FLAG_NOTE = FLAG + " clean error within "
      + BaselineCheck.MARGIN_PERCENT + " % of the reference baseline (train-mean or majority-class): "
      + BaselineCheck.WARNING + ".";

  private final ResultIndex index;
  private final Map<List<Object>, SummaryRow> summaries = new HashMap<>();
  private final List<SummaryRow> summaryRows;
  private final Optional<PredictionIndex> predictions;
  private final ReportOptions options;
  private final String reference;
  private final List<Gallery.Tile> frames;
  private final List<RobustnessFindings> findings = new ArrayList<>();

  private ReportBuilder(List<Result> results, List<SummaryRow> summary,
      Optional<PredictionIndex> predictions, List<Gallery.Tile> frames, ReportOptions options) {
    this.index = new ResultIndex(results);
    this.summaryRows = summary;
    for (SummaryRow s : summaryRows) {
      summaries.put(List.of(s.model(), s.dataset(), s.task(), s.metric()), s);
    }
    this.predictions = predictions;
    this.frames = List.copyOf(frames);
    this.options = options;
    this.reference = options.referenceModel().orElseGet(this::firstModel);
    if (!index.models().contains(reference)) {
      throw new IllegalArgumentException("reference model '" + reference
          + "' is not in the results (models: " + String.join(", ", index.models()) + ")");
    }
    for (String dataset : index.datasets()) {
      for (String task : index.tasks()) {
        RobustnessFindings.of(index, predictions, dataset, task, index.metrics(task).get(0),
            options.bootstrap()).ifPresent(findings::add);
      }
    }
  }

  /**
   * The report of {@code results}.
   *
   * @param frames the perturbation gallery's frames (none: no gallery)
   * @throws IllegalArgumentException for an empty table or a reference model it does not hold
   */
  public static Report build(List<Result> results, Optional<PredictionIndex> predictions,
      List<Gallery.Tile> frames, ReportOptions options) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("the results table has no rows");
    }
    return build(results,
        RobustnessSummary.of(results, predictions, options.bootstrap()), predictions, frames,
        options);
  }

  /** {@link #build(List, Optional, List, ReportOptions)} with its summary already computed. */
  static Report build(List<Result> results, List<SummaryRow> summary,
      Optional<PredictionIndex> predictions, List<Gallery.Tile> frames, ReportOptions options) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("the results table has no rows");
    }
    return new ReportBuilder(results, summary, predictions, frames, options).report();
  }

  private Report report() {
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("Verdict", Verdict.of(findings,
        (f, model) -> nearBaseline(model, f.dataset, f.task, f.metric), options.bootstrap())));
    if (!frames.isEmpty()) {
      sections.add(new Section("Perturbation gallery", List.of(new Gallery("One frame of one"
          + " test video under every condition of the run, perturbed exactly as the study saw it"
          + " (the run's seed, each perturbation's mask); yellow outline: the scan mask the"
          + " perturbation acted on (the frame's edge under the full mask).", frames))));
    }
    if (!findings.isEmpty()) {
      sections.add(new Section("Clean against perturbed performance", scatters()));
      sections.add(new Section("Degradation per model and condition", heatmaps()));
    }
    sections.add(new Section("Severity curves", figures()));
    sections.add(new Section("About these results", about()));
    List<Block> clean = new ArrayList<>(cleanTables());
    findings.forEach(f -> AgainstBaseline.table(f, options.bootstrap()).ifPresent(clean::add));
    sections.add(new Section("Clean performance", clean));
    sections.add(new Section("Metrics per condition", conditionTables()));
    List<Block> robustness = new ArrayList<>(robustnessTables());
    robustness.addAll(intervalTables());
    robustness.addAll(differenceTables());
    sections.add(new Section("Robustness", robustness));
    sections.addAll(TrainingSetSections.of(summaryRows));
    predictions.ifPresent(p -> sections.add(new Section("Model against " + reference,
        comparisonTables(p))));
    return new Report(options.title(), sections);
  }

  private List<Block> scatters() {
    List<Block> blocks = new ArrayList<>();
    for (RobustnessFindings f : findings) {
      List<Figures.ModelPoint> points = new ArrayList<>();
      for (String model : f.models()) {
        RobustnessFindings.Standing s = f.standing(model);
        points.add(new Figures.ModelPoint(model, s.clean(), s.perturbed()));
      }
      blocks.add(Figures.cleanAgainstPerturbed(f.dataset, f.task, f.metric, points, f.line()));
    }
    return blocks;
  }

  private List<Block> heatmaps() {
    List<Block> blocks = new ArrayList<>();
    for (RobustnessFindings f : findings) {
      List<Condition> perturbed = index.conditions(f.dataset, f.task).stream()
          .filter(Condition::isPerturbed).toList();
      List<String> columns = new ArrayList<>(perturbed.stream().map(Condition::label).toList());
      columns.add("Avg. Deg.");
      Map<String, double[]> rows = new LinkedHashMap<>();
      for (String model : f.models()) {
        double clean = index.value(model, f.dataset, f.task, f.metric, Condition.CLEAN);
        double[] row = new double[columns.size()];
        for (int c = 0; c < perturbed.size(); c++) {
          row[c] = Degradation.of(f.metric, clean,
              index.value(model, f.dataset, f.task, f.metric, perturbed.get(c)));
        }
        row[perturbed.size()] = summary(model, f.dataset, f.task, f.metric)
            .map(SummaryRow::avgDegradation).orElse(Double.NaN);
        rows.put(model, row);
      }
      blocks.add(Figures.degradationHeatmap(f.dataset, f.task, f.metric, columns, rows));
    }
    return blocks;
  }

  private List<Block> intervalTables() {
    List<Block> blocks = new ArrayList<>();
    for (RobustnessFindings f : findings) {
      List<List<String>> rows = new ArrayList<>();
      for (String model : f.models()) {
        RobustnessFindings.Standing s = f.standing(model);
        rows.add(List.of(model, interval(f.metric, s.clean()), interval(f.metric, s.perturbed()),
            percentInterval(s.avgDegradation()), interval(f.metric, s.effectiveRobustness())));
      }
      blocks.add(new TextTable(f.dataset + ", " + f.task + ": " + f.metric.id()
          + " with intervals", List.of("Model", "Clean", "Perturbed (mean)", "Avg. Deg.",
          "Eff. robustness"), rows, List.of("Perturbed: the mean " + f.metric.id() + " over the"
          + " perturbed conditions. Eff. robustness: the model's perturbed value minus the"
          + " least-squares line of perturbed on clean value across the models other than the"
          + " baseline, at its clean value (Taori et al. 2020; drawn from "
          + EffectiveRobustness.MIN_MODELS + " models; negative error: more robust than the"
          + " trend). " + Definitions.AVG_DEGRADATION + " " + (f.hasIntervals()
              ? Definitions.intervals(options.bootstrap(), List.of(f.dataset))
                  + " Every statistic is recomputed on each resample."
              : "No per-video predictions: no intervals beyond those recorded."))));
    }
    return blocks;
  }

  private List<Block> differenceTables() {
    List<Block> blocks = new ArrayList<>();
    for (RobustnessFindings f : findings) {
      List<String> models = f.candidates();
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < models.size(); i++) {
        for (int j = i + 1; j < models.size(); j++) {
          String a = models.get(i);
          String b = models.get(j);
          f.difference(a, b).ifPresent(d -> rows.add(List.of(a, b,
              percentInterval(d).replace(" %", " pp"),
              Verdict.significant(d) ? "yes" : "no")));
        }
      }
      if (!rows.isEmpty()) {
        blocks.add(new TextTable(f.dataset + ", " + f.task + ": Avg. Deg. of " + f.metric.id()
            + ", model A minus model B", List.of("Model A", "Model B",
            "Δ Avg. Deg. [" + percentLevel() + " CI]", "Significant"), rows,
            List.of("pp: percentage points. Paired bootstrap: each resample recomputes both"
                + " models' Avg. Deg. on the same draws; significant when the interval excludes"
                + " 0.", Definitions.intervals(options.bootstrap(), List.of(f.dataset)))));
      }
    }
    return blocks;
  }

  private static String interval(Metric metric, ConfidenceInterval ci) {
    return Cells.withInterval(metric, ci.estimate(), ci.low(), ci.high());
  }

  private static String percentInterval(ConfidenceInterval ci) {
    return Double.isNaN(ci.low()) ? Cells.signedPercent(ci.estimate())
        : Cells.signedPercent(ci.estimate()) + " [" + Cells.signedPercent(ci.low()) + ", "
            + Cells.signedPercent(ci.high()) + "]";
  }

  private List<Block> about() {
    List<String> models = index.models();
    int conditions = index.datasets().stream()
        .flatMap(d -> index.tasks().stream().map(t -> index.conditions(d, t).size()))
        .max(Integer::compare).orElse(0);
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(models.size() + " models (" + String.join(", ", models) + ") on "
        + index.datasets().size() + " datasets (" + String.join(", ", index.datasets())
        + "), up to " + conditions + " conditions each (clean included)."));
    blocks.add(new Paragraph("Models are named encoder/probe (for example"
        + " jepa-echo-tiny/attentive); the probe column repeats the probe kind. "
        + baselineSentence(models)));
    blocks.add(new Paragraph("Degradation of a condition: (err_p − err_clean) / err_clean for"
        + " error metrics, (score_clean − score_p) / score_clean for scores, so positive is a"
        + " loss. Avg. Deg. is the mean over the perturbed conditions (severity 1 and up);"
        + " relative robustness against " + reference + " is 1 − Avg. Deg. / Avg. Deg. of "
        + reference + ". Intervals are the paired-bootstrap percentile intervals recorded in"
        + " the results (empty where none was recorded)."));
    if (predictions.isPresent()) {
      blocks.add(new Paragraph("Redone from the per-video predictions: "
          + Definitions.intervals(options.bootstrap(), index.datasets())));
    }
    if (index.results().stream().anyMatch(r -> r.metric() == Metric.CATEGORY_FLIP)) {
      blocks.add(new Paragraph("Clinical reading: " + Definitions.of(Metric.CATEGORY_FLIP) + " "
          + Definitions.of(Metric.CATEGORY_ERROR)));
    }
    return blocks;
  }

  private List<Block> cleanTables() {
    List<Block> blocks = new ArrayList<>();
    for (String task : index.tasks()) {
      for (Metric metric : index.metrics(task)) {
        List<String> header = new ArrayList<>(List.of("Model", "Probe"));
        header.addAll(index.datasets());
        List<List<String>> rows = new ArrayList<>();
        boolean flagged = false;
        for (String model : index.models()) {
          List<String> row = new ArrayList<>(List.of(model, ModelNames.probe(model)));
          for (String dataset : index.datasets()) {
            Optional<Result> r = index.find(model, dataset, task, metric, Condition.CLEAN);
            String cell = r.map(x -> Cells.withInterval(metric, x.value(), x.ciLow(), x.ciHigh()))
                .orElse(Cells.MISSING);
            if (nearBaseline(model, dataset, task, metric)) {
              cell += " " + FLAG;
              flagged = true;
            }
            row.add(cell);
          }
          rows.add(row);
        }
        List<String> notes = new ArrayList<>(List.of(Definitions.of(metric)));
        if (flagged) {
          notes.add(FLAG_NOTE);
        }
        blocks.add(new TextTable(task + ": clean " + metric.id() + " ("
            + (metric.isError() ? "lower" : "higher") + " is better)", header, rows, notes));
      }
    }
    return blocks;
  }

  private List<Block> conditionTables() {
    List<Block> blocks = new ArrayList<>();
    for (String dataset : index.datasets()) {
      for (String task : index.tasks()) {
        List<Condition> conditions = index.conditions(dataset, task);
        for (Metric metric : index.metrics(task)) {
          List<String> header = new ArrayList<>(List.of("Model"));
          conditions.forEach(c -> header.add(c.label()));
          header.add("Avg. Deg.");
          List<List<String>> rows = new ArrayList<>();
          for (String model : index.models()) {
            Optional<SummaryRow> s = summary(model, dataset, task, metric);
            if (s.isEmpty()) {
              continue;
            }
            List<String> row = new ArrayList<>(List.of(model));
            conditions.forEach(c ->
                row.add(Cells.value(metric, index.value(model, dataset, task, metric, c))));
            row.add(Cells.signedPercent(s.get().avgDegradation()));
            rows.add(row);
          }
          if (!rows.isEmpty()) {
            blocks.add(new TextTable(dataset + ", " + task + ": " + metric.id()
                + " per condition", header, rows, metric.hasDegradation()
                    ? List.of(Definitions.of(metric), Definitions.AVG_DEGRADATION)
                    : List.of(Definitions.of(metric))));
          }
        }
      }
    }
    return blocks;
  }

  private List<Block> robustnessTables() {
    List<Block> blocks = new ArrayList<>();
    for (String dataset : index.datasets()) {
      for (String task : index.tasks()) {
        for (Metric metric : index.metrics(task)) {
          if (!metric.hasDegradation()) {
            continue;
          }
          double referenceDeg = summary(reference, dataset, task, metric)
              .map(SummaryRow::avgDegradation).orElse(Double.NaN);
          List<List<String>> rows = new ArrayList<>();
          boolean flagged = false;
          for (String model : index.models()) {
            Optional<SummaryRow> s = summary(model, dataset, task, metric);
            if (s.isEmpty()) {
              continue;
            }
            boolean near = nearBaseline(model, dataset, task, metric);
            flagged |= near;
            SummaryRow r = s.get();
            rows.add(List.of(model, ModelNames.probe(model), Cells.value(metric, r.clean()),
                percentInterval(new ConfidenceInterval(r.avgDegradation(),
                    r.intervals().avgDegradationLow(), r.intervals().avgDegradationHigh())),
                Cells.signedPercent(r.worstDegradation()),
                r.worstCondition().isEmpty() ? Cells.MISSING : r.worstCondition(),
                model.equals(reference) ? Cells.MISSING
                    : Cells.percent(Degradation.relativeRobustness(
                        r.avgDegradation(), referenceDeg)),
                interval(metric, new ConfidenceInterval(r.intervals().effectiveRobustness(),
                    r.intervals().effectiveRobustnessLow(),
                    r.intervals().effectiveRobustnessHigh())),
                near ? FLAG : ""));
          }
          if (!rows.isEmpty()) {
            blocks.add(new TextTable(dataset + ", " + task + ": robustness of " + metric.id(),
                List.of("Model", "Probe", "Clean", "Avg. Deg.", "Worst deg.", "Worst condition",
                    "Rel. robustness vs " + reference, "Eff. robustness", "Flag"),
                rows, robustnessNotes(dataset, flagged)));
          }
        }
      }
    }
    return blocks;
  }

  private List<String> robustnessNotes(String dataset, boolean flagged) {
    List<String> notes = new ArrayList<>(List.of(Definitions.AVG_DEGRADATION,
        "Rel. robustness: 1 − Avg. Deg. / Avg. Deg. of " + reference + ".",
        Definitions.EFFECTIVE_ROBUSTNESS));
    notes.add(predictions.isPresent()
        ? Definitions.intervals(options.bootstrap(), List.of(dataset))
        : "No per-video predictions: no interval on Avg. Deg. or effective robustness.");
    if (flagged) {
      notes.add(FLAG_NOTE);
    }
    return notes;
  }

  private List<Block> comparisonTables(PredictionIndex p) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph("Per-video absolute errors of each model against " + reference
        + " on the same videos: the mean difference (negative: smaller errors than " + reference
        + ") with its paired-bootstrap " + percentLevel() + " interval ("
        + options.bootstrap().resamples() + " resamples, seed " + options.bootstrap().seed()
        + "), and the two-sided Wilcoxon signed-rank p-value (zero differences dropped)."));
    for (String dataset : index.datasets()) {
      List<String> videos = List.copyOf(p.videos(dataset));
      if (videos.isEmpty() || !hasRegression(dataset)) {
        continue;
      }
      PairedBootstrap bootstrap = new PairedBootstrap(dataset, videos, options.bootstrap());
      List<List<String>> rows = new ArrayList<>();
      for (PredictionGroup group : p.groups()) {
        PredictionGroup against =
            new PredictionGroup(reference, dataset, group.condition());
        if (!group.dataset().equals(dataset) || group.model().equals(reference)
            || !p.contains(against) || !p.isComplete(group) || !p.isComplete(against)) {
          continue;
        }
        ModelComparison c = PairedComparison.compare(bootstrap,
            p.absoluteErrors(group, videos), p.absoluteErrors(against, videos));
        ConfidenceInterval d = c.meanErrorDifference();
        rows.add(List.of(group.model(), group.condition().label(),
            signed(d.estimate()) + " [" + signed(d.low()) + ", " + signed(d.high()) + "]",
            Cells.pValue(c.wilcoxonP()), Integer.toString(c.n())));
      }
      if (!rows.isEmpty()) {
        blocks.add(new TextTable(dataset + ": absolute error against " + reference,
            List.of("Model", "Condition", "Δ mean |error| [" + percentLevel() + " CI]",
                "Wilcoxon p", "n"), rows, List.of()));
      }
    }
    return blocks;
  }

  private List<Block> figures() {
    List<Block> blocks = new ArrayList<>();
    for (String task : index.tasks()) {
      Metric metric = index.metrics(task).get(0);
      for (String dataset : index.datasets()) {
        Map<String, Map<String, NavigableMap<Integer, ConfidenceInterval>>> byPerturbation =
            new LinkedHashMap<>();
        for (Condition c : index.conditions(dataset, task)) {
          if (c.isPerturbed()) {
            byPerturbation.putIfAbsent(c.perturbationColumn(), new LinkedHashMap<>());
          }
        }
        for (var entry : byPerturbation.entrySet()) {
          Map<String, NavigableMap<Integer, ConfidenceInterval>> curves = entry.getValue();
          for (String model : index.models()) {
            NavigableMap<Integer, ConfidenceInterval> curve = curve(model, dataset, task, metric,
                entry.getKey());
            if (curve.size() > 1) {
              curves.put(model, curve);
            }
          }
          if (!curves.isEmpty()) {
            blocks.add(Figures.severityCurves(dataset, task, metric, entry.getKey(), curves));
          }
        }
      }
      Map<String, List<Double>> bars = new LinkedHashMap<>();
      for (String model : index.models()) {
        List<Double> values = new ArrayList<>();
        for (String dataset : index.datasets()) {
          values.add(index.value(model, dataset, task, metric, Condition.CLEAN));
        }
        bars.put(model, values);
      }
      blocks.add(Figures.cleanBars(task, metric, index.datasets(), bars));
    }
    return blocks;
  }

  private NavigableMap<Integer, ConfidenceInterval> curve(
      String model, String dataset, String task, Metric metric, String perturbation) {
    NavigableMap<Integer, ConfidenceInterval> curve = new TreeMap<>();
    Optional<Result> clean = index.find(model, dataset, task, metric, Condition.CLEAN)
        .filter(r -> !Double.isNaN(r.value()));
    if (clean.isEmpty()) {
      return curve;
    }
    curve.put(0, interval(clean.get()));
    for (Condition c : index.conditions(dataset, task)) {
      Optional<Result> r = index.find(model, dataset, task, metric, c)
          .filter(x -> !Double.isNaN(x.value()));
      if (c.perturbationColumn().equals(perturbation) && c.isPerturbed() && r.isPresent()) {
        curve.put(c.severity(), interval(r.get()));
      }
    }
    return curve;
  }

  private static ConfidenceInterval interval(Result r) {
    return new ConfidenceInterval(r.value(), r.ciLow(), r.ciHigh());
  }

  /** What the run's reference baselines predict, or that it has none. */
  private static String baselineSentence(List<String> models) {
    List<String> sentences = new ArrayList<>();
    if (models.contains(ModelNames.TRAIN_MEAN_BASELINE)) {
      sentences.add(ModelNames.TRAIN_MEAN_BASELINE + " predicts the training-set mean for every"
          + " video: a probe that learned nothing from the images scores this.");
    }
    if (models.contains(ModelNames.MAJORITY_CLASS_BASELINE)) {
      sentences.add(ModelNames.MAJORITY_CLASS_BASELINE + " predicts the most frequent training"
          + " class for every video, with the training class frequencies as its class"
          + " probabilities: a probe that learned nothing from the images scores this.");
    }
    return sentences.isEmpty()
        ? "These results hold no " + String.join(" or ", ModelNames.BASELINES) + " rows, so no"
            + " model can be checked against a reference baseline."
        : String.join(" ", sentences);
  }

  private boolean nearBaseline(String model, String dataset, String task, Metric metric) {
    if (ModelNames.isBaseline(model) || !metric.hasDegradation()) {
      return false;
    }
    double baseline = ModelNames.BASELINES.stream()
        .mapToDouble(b -> index.value(b, dataset, task, metric, Condition.CLEAN))
        .filter(v -> !Double.isNaN(v)).findFirst().orElse(Double.NaN);
    double clean = index.value(model, dataset, task, metric, Condition.CLEAN);
    return !Double.isNaN(baseline) && !Double.isNaN(clean)
        && BaselineCheck.nearBaseline(metric, clean, baseline);
  }

  private boolean hasRegression(String dataset) {
    return index.results().stream().anyMatch(r -> r.dataset().equals(dataset)
        && r.metric().taskKind() == Metric.TaskKind.REGRESSION);
  }

  private Optional<SummaryRow> summary(String model, String dataset, String task, Metric metric) {
    return Optional.ofNullable(summaries.get(List.of(model, dataset, task, metric)));
  }

  private String firstModel() {
    return index.models().get(0);
  }

  private String percentLevel() {
    return String.format(Locale.ROOT, "%.0f %%", 100 * options.bootstrap().level());
  }

  private static String signed(double value) {
    return Double.isNaN(value) ? Cells.MISSING : String.format(Locale.ROOT, "%+.2f", value);
  }
}
