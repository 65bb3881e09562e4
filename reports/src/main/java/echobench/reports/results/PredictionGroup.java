package echobench.reports.results;

import echobench.reports.Condition;

/** The predictions of one model on one dataset under one condition. */
public record PredictionGroup(String model, String dataset, Condition condition) {
  @Override
  public String toString() {
    return model + " on " + dataset + " (" + condition.label() + ")";
  }
}
