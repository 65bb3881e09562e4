package echobench.reports.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import echobench.reports.Condition;
import echobench.reports.ResultsFormatException;
import echobench.reports.io.StrictYaml;
import echobench.reports.metrics.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 *     perturbation: depth-exp       # condition checks only
 *     severity: 3                   # condition checks only
 *     max_worsening: 0.25           # metric units (clean, condition) or fraction (degradations)
 *     statistic: point              # point | ci_lower | ci_upper; default point
 *     require_defined: false        # an undefined value fails (true) or is not comparable
 * </pre>
 *
 * Unknown keys, duplicate keys and missing required keys are errors naming the file.
 */
public final class GateRules {
  private static final ObjectMapper YAML = new ObjectMapper(
      StrictYaml.factory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

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
   * @throws ResultsFormatException naming the file (and the line, or the rule) of the first
   *     problem
   */
  public static List<GateRule> read(Path file) {
    RulesFile parsed;
    String text = "";
    try {
      text = Files.readString(file);
      Optional<StrictYaml.Refusal> refusal = StrictYaml.firstNonPlain(text);
      if (refusal.isPresent()) {
        throw ResultsFormatException.at(file, refusal.get().line(), refusal.get().reason());
      }
      parsed = YAML.readValue(text, RulesFile.class);
    } catch (NoSuchFileException e) {
      throw ResultsFormatException.in(file, "no such file");
    } catch (UnrecognizedPropertyException e) {
      throw ResultsFormatException.at(file, keyLine(text, e.getPropertyName(), line(e)),
          "unknown key '"
          + e.getPropertyName() + "' (known: " + known(e) + ")");
    } catch (JsonProcessingException e) {
      throw ResultsFormatException.at(file, line(e), e.getOriginalMessage());
    } catch (IOException e) {
      throw ResultsFormatException.in(file, "cannot be read: " + e.getMessage());
    }
    if (parsed == null || parsed.rules() == null || parsed.rules().isEmpty()) {
      throw ResultsFormatException.in(file, "has no rules (expected a 'rules:' list)");
    }
    List<GateRule> rules = new ArrayList<>();
    for (int i = 0; i < parsed.rules().size(); i++) {
      RuleSpec spec = parsed.rules().get(i);
      String where = "rule " + (i + 1) + (spec == null || spec.name() == null ? ""
          : " (" + spec.name() + ")");
      try {
        rules.add(toRule(spec));
      } catch (IllegalArgumentException e) {
        throw ResultsFormatException.in(file, where + ": " + e.getMessage());
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
      condition = Optional.of(new Condition(spec.perturbation(), spec.severity()));
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

  private static String known(UnrecognizedPropertyException e) {
    List<String> names = new ArrayList<>();
    e.getKnownPropertyIds().forEach(id -> names.add(String.valueOf(id)));
    names.sort(null);
    return String.join(", ", names);
  }

  /**
   * The line that holds {@code key}, searched upwards from the line the parser reported: at the
   * end of a mapping YAML reports the line after the offending key.
   */
  private static int keyLine(String text, String key, int reported) {
    String[] lines = text.split("\n", -1);
    for (int i = Math.min(reported, lines.length); i >= 1; i--) {
      String entry = lines[i - 1].strip();
      entry = entry.startsWith("- ") ? entry.substring(2).strip() : entry;
      if (entry.startsWith(key + ":") || entry.startsWith("\"" + key + "\":")
          || entry.startsWith("'" + key + "':")) {
        return i;
      }
    }
    return reported;
  }

  /** The line of the token being read (YAML's end-of-token location can be the next line). */
  private static int line(JsonProcessingException e) {
    JsonLocation location = e.getProcessor() instanceof JsonParser parser
        ? parser.currentTokenLocation()
        : e.getLocation();
    return location == null ? 0 : location.getLineNr();
  }
}
