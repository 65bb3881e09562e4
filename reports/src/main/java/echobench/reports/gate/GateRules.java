package echobench.reports.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.reports.Condition;
import echobench.reports.io.InputException;
import echobench.reports.io.StrictYaml;
import echobench.reports.metrics.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a gate rules file (DESIGN §7):
 *
 * <pre>
 * rules:
 *   - name: clean LVEF error        # required; names the JUnit test case
 *     metric: mae                   # required; a metric of results.csv
 *     dataset: "*"                  # glob over dataset names; default "*"
 *     task: lvef                    # optional; default any task
 *     check: clean                  # clean | avg_degradation | worst_degradation | condition
 *     perturbation: depth-exp       # condition checks only; depth-exp[A4C] for one view
 *     severity: 3                   # condition checks only
 *     max_worsening: 0.25           # metric units (clean, condition) or fraction (degradations)
 *     statistic: point              # point | ci_lower | ci_upper; default point
 *     require_defined: false        # an undefined value fails (true) or is not comparable
 * </pre>
 *
 * Unknown keys, duplicate keys and missing required keys are errors naming the file.
 */
public final class GateRules {
  private GateRules() {}

  /** The file's top level. */
  private record RulesFile(@JsonProperty("rules") List<RuleSpec> rules) {}

  /** One rule as written. */
  private record RuleSpec(
      @JsonProperty("name") String name,
      @JsonProperty("metric") String metric,
      @JsonProperty("dataset") String dataset,
      @JsonProperty("task") String task,
      @JsonProperty("check") String check,
      @JsonProperty("perturbation") String perturbation,
      @JsonProperty("severity") Integer severity,
      @JsonProperty("max_worsening") Double maxWorsening,
      @JsonProperty("statistic") String statistic,
      @JsonProperty("require_defined") Boolean requireDefined) {}

  /**
   * The rules of {@code file}, in order.
   *
   * @throws InputException naming the file (and the line, or the rule) of the first problem
   */
  public static List<GateRule> read(Path file) {
    RulesFile parsed = StrictYaml.read(file, RulesFile.class);
    if (parsed == null || parsed.rules() == null || parsed.rules().isEmpty()) {
      throw InputException.in(file, "has no rules (expected a 'rules:' list)");
    }
    List<GateRule> rules = new ArrayList<>();
    for (int i = 0; i < parsed.rules().size(); i++) {
      RuleSpec spec = parsed.rules().get(i);
      String where = "rule " + (i + 1) + (spec == null || spec.name() == null ? ""
          : " (" + spec.name() + ")");
      try {
        rules.add(toRule(spec));
      } catch (IllegalArgumentException e) {
        throw InputException.in(file, where + ": " + e.getMessage());
      }
    }
    return rules;
  }

  private static GateRule toRule(RuleSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("is empty");
    }
    require(spec.name(), "name");
    require(spec.metric(), "metric");
    require(spec.check(), "check");
    require(spec.maxWorsening(), "max_worsening");
    GateCheck check = GateCheck.parse(spec.check());
    Optional<Condition> condition = Optional.empty();
    if (spec.perturbation() != null || spec.severity() != null) {
      require(spec.perturbation(), "perturbation");
      require(spec.severity(), "severity");
      condition = Optional.of(Condition.fromColumns(spec.perturbation(), spec.severity()));
    }
    return new GateRule(spec.name(), Metric.parse(spec.metric()),
        spec.dataset() == null ? "*" : spec.dataset(), Optional.ofNullable(spec.task()), check,
        condition, spec.maxWorsening(),
        spec.statistic() == null ? GateStatistic.POINT : GateStatistic.parse(spec.statistic()),
        Boolean.TRUE.equals(spec.requireDefined()));
  }

  private static void require(Object value, String key) {
    if (value == null) {
      throw new IllegalArgumentException("missing key '" + key + "'");
    }
  }
}
