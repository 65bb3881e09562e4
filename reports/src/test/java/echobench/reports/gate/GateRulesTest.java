package echobench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.Condition;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateRulesTest {
  @TempDir Path dir;

  @Test
  void readsTheShippedDefaultRules() {
    Path defaults = Path.of("..", "configs", "gates", "default.yaml");
    List<GateRule> rules = GateRules.read(defaults);
    assertThat(rules).extracting(GateRule::check).contains(GateCheck.CLEAN,
        GateCheck.AVG_DEGRADATION, GateCheck.WORST_DEGRADATION, GateCheck.CONDITION);
    assertThat(rules).filteredOn(r -> r.check() == GateCheck.CONDITION)
        .extracting(GateRule::condition)
        .containsExactly(Optional.of(new Condition("shadow-gauss", 3)));
  }

  @Test
  void readsEveryKey() throws IOException {
    Path file = write("""
        rules:
          - name: adult shadow
            metric: r2
            dataset: "adult-*"
            task: lvef
            check: condition
            perturbation: shadow-gauss
            severity: 2
            max_worsening: 0.05
        """);
    GateRule rule = GateRules.read(file).get(0);
    assertThat(rule).isEqualTo(new GateRule("adult shadow", Metric.R2, "adult-*",
        Optional.of("lvef"), GateCheck.CONDITION, Optional.of(new Condition("shadow-gauss", 2)),
        0.05));
    assertThat(rule.matchesDataset("adult-test")).isTrue();
    assertThat(rule.matchesDataset("pediatric")).isFalse();
  }

  @Test
  void readsTheStatisticAndRequireDefined() throws IOException {
    Path file = write("""
        rules:
          - name: noisy
            metric: mae
            check: avg_degradation
            max_worsening: 0.02
            statistic: ci_lower
            require_defined: true
          - name: plain
            metric: mae
            check: clean
            max_worsening: 0.25
          - name: wrong
            metric: mae
            check: clean
            max_worsening: 0.25
            statistic: ci_middle
        """);
    assertThatThrownBy(() -> GateRules.read(file))
        .hasMessageContaining("rule 3 (wrong)")
        .hasMessageContaining("unknown statistic 'ci_middle' (known: point, ci_lower, ci_upper)");
    Files.writeString(file, Files.readString(file).substring(0,
        Files.readString(file).indexOf("  - name: wrong")));
    List<GateRule> rules = GateRules.read(file);
    assertThat(rules.get(0).statistic()).isEqualTo(GateStatistic.CI_LOWER);
    assertThat(rules.get(0).requireDefined()).isTrue();
    assertThat(rules.get(1).statistic()).isEqualTo(GateStatistic.POINT);
    assertThat(rules.get(1).requireDefined()).isFalse();
  }

  @Test
  void theShippedDefaultRulesRead() {
    Path shipped = Path.of("..", "configs", "gates", "default.yaml");
    assertThat(GateRules.read(shipped)).hasSize(5)
        .allSatisfy(r -> assertThat(r.statistic()).isEqualTo(GateStatistic.POINT));
  }

  @Test
  void anUnknownKeyNamesTheFileLineAndKey() throws IOException {
    Path file = write("""
        rules:
          - name: clean
            metric: mae
            check: clean
            max_worsning: 0.25
        """);
    assertThatThrownBy(() -> GateRules.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":5: unknown key 'max_worsning' (known: ")
        .hasMessageContaining("max_worsening");
  }

  @Test
  void inconsistentRulesAreErrorsNamingTheRule() throws IOException {
    assertThatThrownBy(() -> GateRules.read(write("""
        rules:
          - name: shadow
            metric: mae
            check: condition
            max_worsening: 0.5
        """))).hasMessageEndingWith(
            "rule 1 (shadow): a condition check needs perturbation and severity");
    assertThatThrownBy(() -> GateRules.read(write("""
        rules:
          - name: clean
            metric: mse
            check: clean
            max_worsening: 0.5
        """))).hasMessageContaining("rule 1 (clean): unknown metric 'mse'");
    assertThatThrownBy(() -> GateRules.read(write("""
        rules:
          - name: clean
            metric: mae
            check: clean
        """))).hasMessageEndingWith("rule 1 (clean): missing key 'max_worsening'");
    assertThatThrownBy(() -> GateRules.read(write("rules: []\n")))
        .hasMessageEndingWith("has no rules (expected a 'rules:' list)");
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "rules", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
