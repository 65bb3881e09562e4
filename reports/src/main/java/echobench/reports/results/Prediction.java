package echobench.reports.results;

import echobench.reports.Condition;

/**
 * One row of {@code predictions.csv}: what a model predicted for one video of a dataset under one
 * condition, next to the video's target (class indices are stored as numbers).
 */
public record Prediction(
    String model, String dataset, Condition condition, String video, double target,
    double prediction) {}
