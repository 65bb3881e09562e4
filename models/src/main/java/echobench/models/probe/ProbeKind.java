package echobench.models.probe;

/** The kinds of probe, as named in a saved probe's description. */
public enum ProbeKind {
  ATTENTIVE,
  LINEAR,
  KNN
}
