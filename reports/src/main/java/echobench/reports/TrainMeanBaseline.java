package echobench.reports;

import echobench.reports.results.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The "predict the training mean" reference model, {@value ModelNames#TRAIN_MEAN_BASELINE}: it
 * predicts the mean training target for every video, whatever the input, so its rows show what a
 * probe that learned nothing from the video scores on each dataset and condition.
 */
public final class TrainMeanBaseline {
  private TrainMeanBaseline() {}

  /**
   * The baseline's predictions for every dataset, condition and video that occur in {@code
   * predictions}, in the order they first appear, with the targets found there.
   *
   * @param trainingMean the mean target of the training split the probes were fitted on
   */
  public static List<Prediction> predictions(List<Prediction> predictions, double trainingMean) {
    Set<List<Object>> seen = new LinkedHashSet<>();
    List<Prediction> baseline = new ArrayList<>();
    for (Prediction p : predictions) {
      if (ModelNames.isBaseline(p.model())
          || !seen.add(List.of(p.dataset(), p.condition(), p.video()))) {
        continue;
      }
      baseline.add(new Prediction(ModelNames.TRAIN_MEAN_BASELINE, p.dataset(), p.condition(),
          p.video(), p.target(), trainingMean));
    }
    return baseline;
  }
}
