package echobench.reports.robustness;

import echobench.reports.Condition;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.results.SummaryTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The summary of a results table (DESIGN §6): for every model, dataset, task and metric, the
 * clean value, the Avg. Deg. (the mean degradation over the perturbed conditions, which are the
 * conditions with a perturbation at a severity above 0), the worst degradation and its condition
 * (none when every condition degrades alike, as for the training-mean baseline).
 * It needs {@code results.csv} alone, so a table typed in from a paper can be summarised.
 */
public final class Summary {
  private Summary() {}

  /** The summary rows of {@code results}, in the order their groups first appear. */
  public static List<SummaryRow> of(List<Result> results) {
    Map<List<Object>, List<Result>> groups = new LinkedHashMap<>();
    for (Result r : results) {
      groups.computeIfAbsent(List.of(r.model(), r.dataset(), r.task(), r.metric()),
          k -> new ArrayList<>()).add(r);
    }
    List<SummaryRow> rows = new ArrayList<>(groups.size());
    for (List<Result> group : groups.values()) {
      rows.add(summarise(group));
    }
    return rows;
  }

  /** The summary table of a results table. */
  public static Table of(Table results) {
    return SummaryTable.toTable(of(ResultsTable.rows(results)));
  }

  private static SummaryRow summarise(List<Result> group) {
    Result first = group.get(0);
    double clean = group.stream()
        .filter(r -> r.condition().isClean())
        .mapToDouble(Result::value)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no clean result for " + first.model()
            + " on " + first.dataset() + " " + first.task() + " " + first.metric()));
    double sum = 0;
    int count = 0;
    double worst = Double.NaN;
    double least = Double.NaN;
    Condition worstCondition = null;
    for (Result r : group) {
      if (!r.condition().isPerturbed()) {
        continue;
      }
      double d = Degradation.of(r.metric(), clean, r.value());
      sum += d;
      count++;
      if (worstCondition == null || d > worst || Double.isNaN(d)) {
        worst = d;
        worstCondition = r.condition();
      }
      least = count == 1 ? d : Math.min(least, d);
    }
    // A condition is the worst only if it stands out: it degrades more than another one, or,
    // alone, degrades at all. The training-mean baseline ignores the image, so none stands out.
    // An undefined worst degradation (no degradation for the metric, a clean value of 0) names
    // no condition either.
    boolean standsOut = !Double.isNaN(worst) && (count == 1 ? worst != 0 : worst != least);
    return new SummaryRow(first.model(), first.dataset(), first.task(), first.metric(), clean,
        count == 0 ? Double.NaN : sum / count, worst,
        worstCondition == null || !standsOut ? "" : worstCondition.label());
  }
}
