package echobench.reports.gate;

import echobench.reports.render.MarkdownRenderer;
import echobench.reports.render.TextTable;
import echobench.reports.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gate's verdicts as a table (for the terminal and {@code gate.md}): each worsening with its
 * paired-bootstrap interval when both runs carry predictions; degradations in percent and their
 * worsening in percentage points, other quantities in the metric's units.
 */
public final class GateMarkdown {
  /** The file name inside a run directory. */
  public static final String FILE_NAME = "gate.md";

  private GateMarkdown() {}

  /** One row per verdict. */
  public static TextTable table(GateResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (GateVerdict v : result.verdicts()) {
      GateRule rule = v.rule();
      rows.add(List.of(rule.name(), model(v),
          v.dataset() + (v.task().isEmpty() ? "" : " / " + v.task()),
          checkLabel(rule), quantity(rule, v.baseline()), quantity(rule, v.candidate()),
          worsening(rule, v.worsening()), change(rule, rule.maxWorsening(), false),
          switch (v.outcome()) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case NOT_COMPARABLE -> "not comparable";
          }));
    }
    List<String> notes = new ArrayList<>();
    result.verdicts().stream().filter(v -> !v.detail().isEmpty())
        .forEach(v -> notes.add((v.passed() ? "not comparable: " : "FAIL ") + v.rule().name()
            + " for " + model(v) + " on " + v.dataset() + ": " + v.detail()));
    return new TextTable("", List.of("Rule", "Model", "Dataset / task", "Check", "Baseline",
        "Candidate", "Worsening [95 % CI]", "Allowed", "Verdict"), rows, notes);
  }

  /** The Markdown of {@code gate.md}. */
  public static String render(GateResult result, String baselineSource, String candidateSource) {
    long checks = result.verdicts().size();
    long notComparable = result.count(GateVerdict.Outcome.NOT_COMPARABLE);
    StringBuilder md = new StringBuilder("# EchoBench gate: ")
        .append(result.passed() ? "PASS" : "FAIL").append("\n\n")
        .append("Baseline: `").append(baselineSource).append("`  \nCandidate: `")
        .append(candidateSource).append("`  \nModels: ")
        .append(String.join(", ", result.comparisons())).append("\n\n")
        .append(result.count(GateVerdict.Outcome.PASS)).append(" of ").append(checks)
        .append(" checks passed").append(notComparable == 0 ? "" : ", " + notComparable
            + " not comparable (undefined in a run)")
        .append(". Worsening is candidate − baseline for errors and degradations, baseline −"
            + " candidate for scores; the interval is the paired bootstrap over the videos both"
            + " runs predicted. A rule with statistic ci_lower fails only when the whole interval"
            + " lies beyond the allowance; ci_upper only passes when the whole interval lies"
            + " within it.\n\n");
    MarkdownRenderer.table(table(result), md);
    return md.toString();
  }

  private static String model(GateVerdict v) {
    return v.candidateModel().equals(v.baselineModel()) ? v.candidateModel()
        : v.candidateModel() + " vs " + v.baselineModel();
  }

  private static String checkLabel(GateRule rule) {
    String check = switch (rule.check()) {
      case CONDITION -> rule.metric() + " at " + rule.condition().orElseThrow().label();
      case CLEAN -> "clean " + rule.metric();
      case AVG_DEGRADATION, WORST_DEGRADATION -> rule.check() + " of " + rule.metric();
    };
    return rule.statistic() == GateStatistic.POINT ? check : check + ", " + rule.statistic();
  }

  private static String quantity(GateRule rule, double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return rule.check().isDegradation()
        ? String.format(Locale.ROOT, "%.2f %%", 100 * value)
        : String.format(Locale.ROOT, "%." + (rule.metric().displayDecimals() + 1) + "f", value);
  }

  private static String worsening(GateRule rule, ConfidenceInterval w) {
    String point = change(rule, w.estimate(), true);
    return Double.isNaN(w.low()) || Double.isNaN(w.high()) ? point
        : point + " [" + change(rule, w.low(), true) + ", " + change(rule, w.high(), true) + "]";
  }

  private static String change(GateRule rule, double value, boolean signed) {
    if (Double.isNaN(value)) {
      return "–";
    }
    String sign = signed ? "+" : "";
    return rule.check().isDegradation()
        ? String.format(Locale.ROOT, "%" + sign + ".2f pp", 100 * value)
        : String.format(Locale.ROOT, "%" + sign + "." + (rule.metric().displayDecimals() + 1)
            + "f", value);
  }
}
