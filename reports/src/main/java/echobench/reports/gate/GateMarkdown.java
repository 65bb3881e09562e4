package echobench.reports.gate;

import echobench.reports.render.MarkdownRenderer;
import echobench.reports.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gate's verdicts as a table (for the terminal and {@code gate.md}): degradations in percent
 * and their worsening in percentage points, other quantities in the metric's units.
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
      rows.add(List.of(rule.name(), v.dataset() + (v.task().isEmpty() ? "" : " / " + v.task()),
          checkLabel(rule), quantity(rule, v.baseline()), quantity(rule, v.candidate()),
          change(rule, v.worsening(), true), change(rule, rule.maxWorsening(), false),
          v.passed() ? "pass" : "FAIL"));
    }
    List<String> notes = new ArrayList<>();
    result.verdicts().stream().filter(v -> !v.passed())
        .forEach(v -> notes.add("FAIL " + v.rule().name() + " on " + v.dataset() + ": "
            + v.detail()));
    return new TextTable("", List.of("Rule", "Dataset / task", "Check", "Baseline", "Candidate",
        "Worsening", "Allowed", "Verdict"), rows, notes);
  }

  /** The Markdown of {@code gate.md}. */
  public static String render(GateResult result, String baselineSource, String candidateSource) {
    StringBuilder md = new StringBuilder("# EchoBench gate: ")
        .append(result.passed() ? "PASS" : "FAIL").append("\n\n")
        .append("Baseline: ").append(result.baselineModel()).append(" from `")
        .append(baselineSource).append("`  \nCandidate: ").append(result.candidateModel())
        .append(" from `").append(candidateSource).append("`\n\n")
        .append(result.verdicts().size() - result.failures()).append(" of ")
        .append(result.verdicts().size()).append(" checks passed. Worsening is candidate −"
            + " baseline for errors and degradations, baseline − candidate for scores.\n\n");
    MarkdownRenderer.table(table(result), md);
    return md.toString();
  }

  private static String checkLabel(GateRule rule) {
    return switch (rule.check()) {
      case CONDITION -> rule.metric() + " at " + rule.condition().orElseThrow().label();
      case CLEAN -> "clean " + rule.metric();
      case AVG_DEGRADATION, WORST_DEGRADATION -> rule.check() + " of " + rule.metric();
    };
  }

  private static String quantity(GateRule rule, double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return rule.check().isDegradation()
        ? String.format(Locale.ROOT, "%.2f %%", 100 * value)
        : String.format(Locale.ROOT, "%." + (rule.metric().displayDecimals() + 1) + "f", value);
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
