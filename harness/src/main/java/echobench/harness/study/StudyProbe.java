package echobench.harness.study;

import echobench.models.probe.Probe;

/**
 * A trained probe on one encoder's features.
 *
 * @param encoder the index of its encoder in the study's model order
 * @param config the probe's entry in the config
 * @param key the hash of everything that produced it (encoder, settings, training data, seed)
 * @param probe the probe
 */
record StudyProbe(int encoder, ProbeSpec config, String key, Probe probe)
    implements AutoCloseable {

  /** {@code <encoder>/<probe>}, the model column of the tables. */
  String modelName(StudyEncoder study) {
    return study.name() + "/" + config.name();
  }

  @Override
  public void close() {
    probe.close();
  }
}
