package echobench.harness.study;

import echobench.models.probe.Probe;
import echobench.reports.TrainingVariant;

/**
 * A trained probe on one encoder's features.
 *
 * @param encoder the index of its encoder in the study's model order
 * @param config the probe's entry in the config
 * @param variant what its model name gains for its training set ({@link
 *     echobench.reports.TrainingVariant}): "" for all of the train dataset's TRAIN split
 * @param key the hash of everything that produced it (encoder, settings, training data, seed)
 * @param probe the probe
 */
record StudyProbe(int encoder, ProbeSpec config, String variant, String key, Probe probe)
    implements AutoCloseable {

  /** {@code <encoder>/<probe>} and the variant, the model column of the tables. */
  String modelName(StudyEncoder study) {
    return study.name() + "/" + config.name() + variant;
  }

  /** This probe named as fitted on an evaluated dataset's own training folds. */
  StudyProbe fineTuned() {
    return new StudyProbe(encoder, config, variant + TrainingVariant.FINE_TUNED, key, probe);
  }

  @Override
  public void close() {
    probe.close();
  }
}
