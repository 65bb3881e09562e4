package echobench.reports.render;

import echobench.reports.TrainingVariant;
import echobench.reports.metrics.Metric;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.LabelEfficiency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's sections on what the probes were fitted on ({@link TrainingVariant}): label
 * efficiency (clean value and Avg. Deg. against the share of TRAIN, mean ± sd over label seeds, as
 * tables and figures), and each fine-tuned probe beside its zero-shot twin on the same videos.
 * A run whose probes all saw the whole of TRAIN has neither section.
 */
final class TrainingSetSections {
  private TrainingSetSections() {}

  /** The sections for the summary {@code rows} of a run, in reading order; none may apply. */
  static List<Section> of(List<SummaryRow> rows) {
    List<Section> sections = new ArrayList<>();
    List<LabelEfficiency.Curve> curves = LabelEfficiency.of(rows);
    if (!curves.isEmpty()) {
      sections.add(new Section("Label efficiency", labelEfficiency(curves)));
    }
    List<Block> fineTuned = fineTuned(rows);
    if (!fineTuned.isEmpty()) {
      sections.add(new Section("Zero-shot and fine-tuned probes", fineTuned));
    }
    return sections;
  }

  private static List<Block> labelEfficiency(List<LabelEfficiency.Curve> curves) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph("Each probe was also fitted on stratified subsets of TRAIN holding"
        + " the listed share of its videos (regression: every LVEF category, ≤ 40 %, 40–50 %,"
        + " ≥ 50 %, in proportion and at least once; classification: every class likewise), one"
        + " draw per label seed, its grid selected on the full VAL. Mean ± sd: the mean over the"
        + " label seeds and their sample standard deviation (n − 1; none with one seed). Avg."
        + " Deg. is the mean degradation over the perturbed conditions, as elsewhere in this"
        + " report. The share 1 is the probe fitted on all of TRAIN."));
    Map<List<Object>, List<LabelEfficiency.Curve>> groups = new LinkedHashMap<>();
    Map<String, Metric> headline = new LinkedHashMap<>();
    for (LabelEfficiency.Curve c : curves) {
      groups.computeIfAbsent(List.of(c.dataset(), c.task(), c.metric()), k -> new ArrayList<>())
          .add(c);
      headline.putIfAbsent(c.task(), c.metric());
    }
    List<Block> figures = new ArrayList<>();
    groups.forEach((key, group) -> {
      String dataset = (String) key.get(0);
      String task = (String) key.get(1);
      Metric metric = (Metric) key.get(2);
      List<List<String>> rows = new ArrayList<>();
      for (LabelEfficiency.Curve c : group) {
        for (LabelEfficiency.Point p : c.points()) {
          rows.add(List.of(c.model(), TrainingVariant.fractionText(p.fraction()),
              String.valueOf(p.seeds()),
              Cells.value(metric, p.cleanMean()) + (Double.isNaN(p.cleanSd()) ? ""
                  : " ± " + Cells.value(metric, p.cleanSd())),
              Cells.signedPercent(p.avgDegradationMean()) + (Double.isNaN(p.avgDegradationSd())
                  ? "" : String.format(Locale.ROOT, " ± %.1f %%", 100 * p.avgDegradationSd()))));
        }
      }
      blocks.add(new TextTable(dataset + ", " + task + ": " + metric.id()
          + " against label fraction", List.of("Model", "Share of TRAIN", "Seeds",
              "Clean (mean ± sd)", "Avg. Deg. (mean ± sd)"), rows, List.of()));
      if (headline.get(task) == metric) {
        figures.add(Figures.labelEfficiency(dataset, task, metric, group, false));
        figures.add(Figures.labelEfficiency(dataset, task, metric, group, true));
      }
    });
    blocks.addAll(figures);
    return blocks;
  }

  private static List<Block> fineTuned(List<SummaryRow> rows) {
    Map<List<Object>, SummaryRow> byKey = new LinkedHashMap<>();
    for (SummaryRow r : rows) {
      byKey.put(List.of(r.model(), r.dataset(), r.task(), r.metric()), r);
    }
    Map<List<String>, List<List<String>>> tables = new LinkedHashMap<>();
    for (SummaryRow tuned : rows) {
      TrainingVariant v = TrainingVariant.parse(tuned.model());
      SummaryRow zeroShot = byKey.get(List.of(v.base(), tuned.dataset(), tuned.task(),
          tuned.metric()));
      if (!v.fineTuned() || zeroShot == null) {
        continue;
      }
      Metric metric = tuned.metric();
      tables.computeIfAbsent(List.of(tuned.dataset(), tuned.task()), k -> new ArrayList<>())
          .add(List.of(v.base(), metric.id(), Cells.value(metric, zeroShot.clean()),
              Cells.value(metric, tuned.clean()), Cells.signedPercent(zeroShot.avgDegradation()),
              Cells.signedPercent(tuned.avgDegradation())));
    }
    List<Block> blocks = new ArrayList<>();
    if (tables.isEmpty()) {
      return blocks;
    }
    blocks.add(new Paragraph("Zero-shot: the probe fitted on the train dataset, applied unchanged."
        + " Fine-tuned (model <model>" + TrainingVariant.FINE_TUNED + " in the tables): the"
        + " same encoder with the probe fitted on this dataset's own training folds (its TRAIN"
        + " split; for EchoNet-Pediatric the folds other than test_fold and test_fold + 1, which"
        + " is VAL and selects the grid). Both are evaluated on this dataset's TEST split (its"
        + " test fold) only, on the same videos under the same conditions."));
    tables.forEach((key, tableRows) -> blocks.add(new TextTable(key.get(0) + ", " + key.get(1)
        + ": zero-shot against fine-tuned", List.of("Model", "Metric", "Zero-shot clean",
            "Fine-tuned clean", "Zero-shot Avg. Deg.", "Fine-tuned Avg. Deg."), tableRows,
        List.of())));
    return blocks;
  }
}
