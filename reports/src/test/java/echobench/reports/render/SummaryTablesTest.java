package echobench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.reports.metrics.Metric;
import echobench.reports.results.SummaryRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTablesTest {
  private static final SummaryRow JEPA =
      new SummaryRow("jepa/attentive", "adult", "lvef", Metric.MAE, 5.0, 0.023, 0.05,
          "depth-exp@3");
  private static final SummaryRow MAE =
      new SummaryRow("mae/attentive", "adult", "lvef", Metric.MAE, 6.0, 0.168, 0.2,
          "shadow-gauss@3");

  @Test
  void runsSideBySideMarkRowsARunLacks() {
    Map<String, List<SummaryRow>> runs = new LinkedHashMap<>();
    runs.put("main", List.of(JEPA, MAE));
    runs.put("pr", List.of(JEPA));
    TextTable table = SummaryTables.sideBySide(runs);
    assertThat(table.header()).containsExactly("Dataset", "Task", "Metric", "Model",
        "main clean", "main Avg. Deg.", "pr clean", "pr Avg. Deg.");
    assertThat(table.rows()).containsExactly(
        List.of("adult", "lvef", "mae", "jepa/attentive", "5.00", "+2.3 %", "5.00", "+2.3 %"),
        List.of("adult", "lvef", "mae", "mae/attentive", "6.00", "+16.8 %", "–", "–"));
  }

  @Test
  void plainTextAlignsColumns() {
    String text = PlainTextRenderer.render(SummaryTables.of(List.of(JEPA, MAE)));
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).startsWith("Dataset  Task  Metric  Model");
    // numbers right-aligned, text left-aligned
    assertThat(lines.get(2)).isEqualTo(
        "adult    lvef  mae     jepa/attentive   5.00     +2.3 %      +5.0 %  depth-exp@3");
    assertThat(lines.get(3)).isEqualTo(
        "adult    lvef  mae     mae/attentive    6.00    +16.8 %     +20.0 %  shadow-gauss@3");
    assertThat(lines).hasSize(4);
  }
}
