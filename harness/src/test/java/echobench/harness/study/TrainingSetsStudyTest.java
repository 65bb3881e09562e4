package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny study with label efficiency ({@code label_fractions}, {@code label_seeds}) and a
 * fine-tuned pediatric probe ({@code fine_tune}): the rows are there, and a 1-nearest-neighbour
 * probe, which predicts the label of one video of its bank, shows what each probe was fitted on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingSetsStudyTest {
  private static final String STUDY = "name: training sets\n"
      + "device: cpu\n"
      + "sampling: {frames: 4, frame_step: 2, clips: 1, resolution: 32}\n"
      + "bootstrap: {resamples: 20}\n"
      + "feature_store: {dtype: float32}\n"
      + "datasets:\n"
      + "  adult: {kind: synthetic, cohort: adult, count: 16, size: 32, frames: 8, fps: 25,"
      + " seed: 1}\n"
      + "  pediatric: {kind: synthetic, cohort: pediatric, count: 12, size: 32, frames: 8,"
      + " fps: 25, seed: 2, view: A4C, test_fold: %d}\n"
      + "train: adult\n"
      + "evaluate: [adult, pediatric]\n"
      + "models:\n  - {name: random, random_init: {encoder: micro, seed: 0}}\n"
      + "probes:\n  - {kind: knn, k: 1}\n"
      + "perturbations:\n  - {name: depth-exp, severities: [2]}\n"
      + "label_fractions: [0.5, 1.0]\n"
      + "label_seeds: 2\n"
      + "fine_tune: [pediatric]\n";
  private static final String FULL = "random/knn";
  private static final List<String> SUBSETS =
      List.of("random/knn@labels=0.5:seed=1", "random/knn@labels=0.5:seed=2");
  private static final String TUNED = "random/knn+ft";

  @TempDir static Path temp;
  private Path run;
  private StudyConfig config;
  private List<Result> results;
  private List<Prediction> predictions;

  @BeforeAll
  void runStudy() throws IOException {
    Path file = temp.resolve("study.yaml");
    Files.writeString(file, STUDY.formatted(3));
    run = temp.resolve("run");
    StudyRun.execute(file, new StudyRun.Options(run, null, false, false));
    config = StudyConfig.read(file);
    results = ResultsTable.rows(ResultsTable.read(run.resolve("results.csv")));
    predictions = PredictionsTable.rows(PredictionsTable.read(run.resolve("predictions.csv")));
  }

  @Test
  void everyLabelSubsetIsAModelOnEveryDatasetAndConditionAndTheFineTunedOnlyOnPediatric() {
    Set<List<Object>> found = results.stream()
        .map(r -> List.<Object>of(r.model(), r.dataset(), r.condition()))
        .collect(Collectors.toSet());
    for (String dataset : List.of("adult", "pediatric")) {
      for (Condition c : config.conditions()) {
        for (String model : List.of(FULL, SUBSETS.get(0), SUBSETS.get(1))) {
          assertThat(found).contains(List.of(model, dataset, c));
        }
      }
    }
    assertThat(results.stream().filter(r -> r.model().equals(TUNED)).map(Result::dataset))
        .isNotEmpty().containsOnly("pediatric");
    assertThat(results.stream().map(Result::model).distinct()).containsExactlyInAnyOrder(FULL,
        SUBSETS.get(0), SUBSETS.get(1), TUNED, ModelNames.TRAIN_MEAN_BASELINE);
  }

  @Test
  void subsetProbesPredictOnlyLabelsOfTheirDrawnHalfOfTrain() {
    StudyDataset adult = dataset("adult");
    List<Sample> train = adult.samples(Split.TRAIN);
    float[] labels = new float[train.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = train.get(i).ef();
    }
    List<Set<Float>> banks = new java.util.ArrayList<>();
    for (int s = 0; s < SUBSETS.size(); s++) {
      int[] drawn = StratifiedDraw.indices(labels, echobench.models.probe.ProbeTask.regression(),
          0.5, new LabelSubset(0.5, s + 1).drawSeed(config.seed()));
      Set<Float> bank = new HashSet<>();
      for (int i : drawn) {
        bank.add(labels[i]);
      }
      banks.add(bank);
      assertThat(predicted(SUBSETS.get(s), "adult")).isSubsetOf(bank);
    }
    assertThat(banks.get(0)).isNotEqualTo(banks.get(1));
    assertThat(predicted(FULL, "adult")).isSubsetOf(asSet(labels));
  }

  @Test
  void theFineTunedProbeIsFittedOnPediatricTrainingFoldsOnlyAndBothAreTestedOnTheTestFold() {
    StudyDataset pediatric = dataset("pediatric");
    Set<String> testVideos = pediatric.samples(Split.TEST).stream().map(Sample::id)
        .collect(Collectors.toSet());
    Set<Float> trainLabels = new HashSet<>();
    pediatric.samples(Split.TRAIN).forEach(s -> trainLabels.add(s.ef()));
    Set<Float> heldOut = new HashSet<>();
    pediatric.samples().stream().filter(s -> s.split() != Split.TRAIN)
        .forEach(s -> heldOut.add(s.ef()));
    assertThat(heldOut).doesNotContainAnyElementsOf(trainLabels);
    assertThat(testVideos).isNotEmpty();
    for (String model : List.of(FULL, TUNED)) {
      assertThat(predictions.stream().filter(p -> p.model().equals(model)
          && p.dataset().equals("pediatric") && p.condition().isClean()).map(Prediction::video))
          .containsExactlyInAnyOrderElementsOf(testVideos);
    }
    // A test-fold video in the 1-NN bank would be its own nearest neighbour and predict its own,
    // held-out, label.
    assertThat(predicted(TUNED, "pediatric")).isNotEmpty().isSubsetOf(trainLabels);
  }

  @Test
  void runJsonRecordsTheSeedOfEveryDraw() throws IOException {
    JsonNode draws = StudyRun.json().readTree(run.resolve("run.json").toFile())
        .get("label_subsets");
    assertThat(draws).hasSize(2);
    for (int s = 0; s < 2; s++) {
      assertThat(draws.get(s).get("fraction").asDouble()).isEqualTo(0.5);
      assertThat(draws.get(s).get("label_seed").asInt()).isEqualTo(s + 1);
      assertThat(draws.get(s).get("draw_seed").asLong())
          .isEqualTo(new LabelSubset(0.5, s + 1).drawSeed(config.seed()));
    }
  }

  @Test
  void theReportShowsLabelEfficiencyAndZeroShotBesideFineTuned() throws IOException {
    String report = Files.readString(run.resolve("report.md"));
    assertThat(report).contains("## Label efficiency").contains("## Zero-shot and fine-tuned");
    assertThat(run.resolve("figures").resolve("labels-clean-adult-lvef-mae.png")).isNotEmptyFile();
  }

  private StudyDataset dataset(String name) {
    return StudyDataset.load(name, config.datasets().get(name), temp,
        new SyntheticCohorts(temp.resolve(".echobench-cache"), new StudyProgress(false)),
        config.task());
  }

  private Set<Float> predicted(String model, String dataset) {
    return predictions.stream().filter(p -> p.model().equals(model)
        && p.dataset().equals(dataset) && p.condition().isClean())
        .map(p -> (float) p.prediction()).collect(Collectors.toSet());
  }

  private static Set<Float> asSet(float[] values) {
    Set<Float> set = new HashSet<>();
    for (float v : values) {
      set.add(v);
    }
    return set;
  }
}
