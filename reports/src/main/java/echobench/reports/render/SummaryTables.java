package echobench.reports.render;

import echobench.reports.results.SummaryRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Summaries as display tables: one run's summary, and several runs side by side. */
public final class SummaryTables {
  private SummaryTables() {}

  /** One row per summary row: clean value, Avg. Deg., worst degradation and its condition. */
  public static TextTable of(List<SummaryRow> summary) {
    List<List<String>> rows = new ArrayList<>();
    for (SummaryRow r : summary) {
      rows.add(List.of(r.dataset(), r.task(), r.metric().id(), r.model(),
          Cells.value(r.metric(), r.clean()), Cells.signedPercent(r.avgDegradation()),
          Cells.signedPercent(r.worstDegradation()),
          r.worstCondition().isEmpty() ? Cells.MISSING : r.worstCondition()));
    }
    return new TextTable("", List.of("Dataset", "Task", "Metric", "Model", "Clean", "Avg. Deg.",
        "Worst deg.", "Worst condition"), rows, List.of());
  }

  /**
   * Several runs side by side: one row per dataset, task, metric and model found in any run, and
   * for each run its clean value and Avg. Deg. ("–" where the run lacks the row).
   *
   * @param runs each run's label and summary, in column order
   */
  public static TextTable sideBySide(Map<String, List<SummaryRow>> runs) {
    Set<List<Object>> keys = new LinkedHashSet<>();
    Map<String, Map<List<Object>, SummaryRow>> byRun = new LinkedHashMap<>();
    for (Map.Entry<String, List<SummaryRow>> run : runs.entrySet()) {
      Map<List<Object>, SummaryRow> index = new LinkedHashMap<>();
      for (SummaryRow r : run.getValue()) {
        List<Object> key = List.of(r.dataset(), r.task(), r.metric(), r.model());
        keys.add(key);
        index.put(key, r);
      }
      byRun.put(run.getKey(), index);
    }
    List<String> header = new ArrayList<>(List.of("Dataset", "Task", "Metric", "Model"));
    for (String label : runs.keySet()) {
      header.add(label + " clean");
      header.add(label + " Avg. Deg.");
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> key : keys) {
      List<String> row = new ArrayList<>();
      key.forEach(k -> row.add(k.toString()));
      for (Map<List<Object>, SummaryRow> index : byRun.values()) {
        SummaryRow r = index.get(key);
        row.add(r == null ? Cells.MISSING : Cells.value(r.metric(), r.clean()));
        row.add(r == null ? Cells.MISSING : Cells.signedPercent(r.avgDegradation()));
      }
      rows.add(row);
    }
    return new TextTable("", header, rows, List.of());
  }
}
