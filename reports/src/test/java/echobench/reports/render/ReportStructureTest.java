package echobench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.reports.Condition;
import echobench.reports.Evaluation;
import echobench.reports.TestTables;
import echobench.reports.ReferenceBaseline;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.SummaryRow;
import echobench.reports.results.SummaryTable;
import echobench.reports.stats.BootstrapSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A quickstart-sized stored run (three encoders with two probes each and the baseline, an adult
 * and a pediatric set, the EchoJEPA grid, gallery frames in figures/) rendered as the report:
 * its structure, pictures first and tables collapsed.
 */
class ReportStructureTest {
  private static final List<Condition> CONDITIONS = List.of(Condition.CLEAN,
      new Condition("depth-exp", 1), new Condition("depth-exp", 2),
      new Condition("depth-exp", 3), new Condition("shadow-gauss", 1),
      new Condition("shadow-gauss", 2), new Condition("shadow-gauss", 3));

  @TempDir static Path run;
  static String html;
  static String markdown;
  static List<SummaryRow> summary;

  @BeforeAll
  static void renderAStoredRun() throws IOException {
    List<Prediction> predictions = new ArrayList<>();
    String[] models = {"jepa/attentive", "jepa/linear", "mae/attentive", "mae/linear",
        "random/attentive", "random/linear"};
    double[] noise = {3.0, 3.5, 4.0, 4.5, 16.0, 16.5};
    double[] bias = {0.1, 0.2, 1.5, 1.6, 0.5, 0.6};
    for (String dataset : List.of("adult", "pediatric")) {
      for (int m = 0; m < models.length; m++) {
        predictions.addAll(TestTables.predictions(models[m], dataset, 50, noise[m], bias[m],
            CONDITIONS, m + 1));
      }
    }
    predictions.addAll(ReferenceBaseline.trainMean(47.5).predictions(predictions));
    Table predictionTable = PredictionsTable.toTable(predictions);
    Table results = Evaluation.results(predictionTable, "lvef",
        List.of(Metric.MAE, Metric.RMSE, Metric.R2), BootstrapSettings.withSeed(3));
    for (Condition c : CONDITIONS) {
      BufferedImage frame = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
      frame.setRGB(c.severity(), c.perturbation().length(), 0xF0E442);
      Path file = run.resolve("figures").resolve(GalleryFrames.fileName(c));
      Files.createDirectories(file.getParent());
      ImageIO.write(frame, "png", file.toFile());
    }
    ReportFiles.write(run, results, Optional.of(predictionTable),
        new ReportOptions("Quickstart-sized", Optional.empty(), BootstrapSettings.withSeed(4)));
    html = Files.readString(run.resolve(ReportFiles.HTML));
    markdown = Files.readString(run.resolve(ReportFiles.MARKDOWN));
    summary = SummaryTable.rows(SummaryTable.read(run.resolve(SummaryTable.FILE_NAME)));
  }

  @Test
  void picturesComeFirstThenTheTables() {
    List<String> headings = new ArrayList<>();
    Matcher h2 = Pattern.compile("<h2>([^<]+)</h2>").matcher(html);
    while (h2.find()) {
      headings.add(h2.group(1));
    }
    assertThat(headings).startsWith("Verdict", "Perturbation gallery",
        "Clean against perturbed performance", "Degradation per model and condition",
        "Severity curves");
    assertThat(headings).contains("Clean performance", "Metrics per condition", "Robustness");
    assertThat(html.indexOf("<details>")).isGreaterThan(html.indexOf("<h2>Severity curves"));
  }

  @Test
  void theVerdictNamesTheMostAndLeastRobustModelWithIntervals() {
    List<SummaryRow> adult = summary.stream().filter(s -> s.dataset().equals("adult")
        && s.metric() == Metric.MAE && !s.model().startsWith("baseline")).toList();
    SummaryRow best = adult.stream().min((a, b) ->
        Double.compare(a.avgDegradation(), b.avgDegradation())).orElseThrow();
    SummaryRow worst = adult.stream().max((a, b) ->
        Double.compare(a.avgDegradation(), b.avgDegradation())).orElseThrow();
    String verdict = markdown.substring(markdown.indexOf("## Verdict"),
        markdown.indexOf("## Perturbation gallery"));
    assertThat(verdict).contains("On adult (mae, lvef): the most robust model is "
        + best.model() + " (Avg. Deg. " + Cells.signedPercent(best.avgDegradation()) + " [");
    assertThat(verdict).contains("the least robust " + worst.model() + " ("
        + Cells.signedPercent(worst.avgDegradation()) + " [");
    assertThat(verdict).contains("a significant difference").contains("pairwise differences");
    assertThat(verdict).contains("random/attentive, random/linear").contains("Not ranked");
  }

  @Test
  void theVerdictSaysWhetherTheBestModelBeatsTheBaselineAsSummaryCsvHasIt() {
    String verdict = markdown.substring(markdown.indexOf("## Verdict"),
        markdown.indexOf("## Perturbation gallery"));
    for (String dataset : List.of("adult", "pediatric")) {
      List<SummaryRow> rows = summary.stream().filter(s -> s.dataset().equals(dataset)
          && s.metric() == Metric.MAE).toList();
      SummaryRow best = rows.stream().filter(s -> !s.model().startsWith("baseline"))
          .min((a, b) -> Double.compare(a.clean(), b.clean())).orElseThrow();
      SummaryRow baseline = rows.stream()
          .filter(s -> s.model().equals("baseline:train-mean")).findFirst().orElseThrow();
      assertThat(best.vsBaseline().difference())
          .isCloseTo(best.clean() - baseline.clean(), Offset.offset(1e-9));
      assertThat(baseline.vsBaseline().difference()).isNaN();
      // Noise sd 3 against EF targets spread over 20–75 %: far below the training mean's error.
      assertThat(best.vsBaseline().high()).isLessThan(0);
      assertThat(verdict).contains(best.model() + "'s clean mae is "
          + Cells.value(Metric.MAE, -best.vsBaseline().difference())
          + " lower than baseline:train-mean's (interval "
          + Cells.value(Metric.MAE, best.vsBaseline().low()) + " to "
          + Cells.value(Metric.MAE, best.vsBaseline().high())
          + "): significantly better than predicting the training mean.");
      assertThat(markdown).contains("**" + dataset + ", lvef: mae against the reference"
          + " baseline**");
    }
    assertThat(markdown).contains(Definitions.AGAINST_BASELINE);
  }

  @Test
  void everyConditionHasItsGalleryFrameEmbedded() throws IOException {
    for (Condition c : CONDITIONS) {
      byte[] png = Files.readAllBytes(run.resolve("figures").resolve(GalleryFrames.fileName(c)));
      assertThat(html).contains("<img alt=\"" + c.label() + "\" src=\"data:image/png;base64,"
          + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + c.label());
      assertThat(markdown).contains("![" + c.label() + "](figures/" + GalleryFrames.fileName(c)
          + ")");
    }
    // one row per perturbation, the clean frame first, then severities 1..3
    assertThat(markdown).contains("| shadow-gauss | ![clean](figures/gallery-none-0.png)<br>clean"
        + " | ![shadow-gauss@1](figures/gallery-shadow-gauss-1.png)<br>shadow-gauss@1 |"
        + " ![shadow-gauss@2](figures/gallery-shadow-gauss-2.png)<br>shadow-gauss@2 |"
        + " ![shadow-gauss@3](figures/gallery-shadow-gauss-3.png)<br>shadow-gauss@3 |");
    assertThat(count(html, "<div class=\"gallery-row\">")).isEqualTo(2);
  }

  @Test
  void theScatterAndTheHeatmapAreEmbeddedPerDataset() {
    for (String dataset : List.of("adult", "pediatric")) {
      assertThat(markdown).contains("](figures/scatter-" + dataset + "-lvef-mae.png)")
          .contains("](figures/heatmap-" + dataset + "-lvef-mae.png)");
      assertThat(run.resolve("figures/scatter-" + dataset + "-lvef-mae.png")).isRegularFile();
      assertThat(html).contains("<img alt=\"each model's mean mae over the perturbed conditions"
              + " against its clean mae on " + dataset)
          .contains("black: least-squares line across the models")
          .contains("<img alt=\"degradation of mae on " + dataset);
    }
  }

  @Test
  void everyTableIsCollapsedInTheHtmlAndCompleteInTheMarkdown() {
    int tables = count(html, "<table>");
    assertThat(tables).isGreaterThan(10);
    assertThat(count(html, "<details><summary>")).isEqualTo(tables);
    assertThat(Pattern.compile("<details><summary>[^<]*</summary>\n<div class=\"scroll\">"
        + "<table>").matcher(html).results().count()).isEqualTo(tables);
    assertThat(markdown).doesNotContain("<details>")
        .contains("| jepa/attentive | jepa/linear |")
        .contains("**adult, lvef: mae per condition**");
  }

  @Test
  void oneOfflineFileThatPrintsAndFitsAPhone() {
    assertThat(html).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("url(")
        .doesNotContain("src=\"figures/");
    assertThat(html).contains("@media print").contains("@media (max-width: 40em)")
        .contains("img { max-width: 100%; height: auto; }").contains("overflow-x: auto");
  }

  private static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }
}
