package echobench.harness.study;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import echobench.reports.io.KindRegistry;
import java.util.List;

/** The probe kinds a study's {@code kind:} key may name: one line per kind. */
public final class ProbeKinds extends KindRegistry {
  /** The registry, for looking kinds up outside Jackson. */
  static final ProbeKinds REGISTRY = new ProbeKinds();

  /** The registered kinds (Jackson instantiates the registry by this constructor). */
  public ProbeKinds() {
    super("probe", List.of(
        new NamedType(AttentiveProbeSpec.class, "attentive"),
        new NamedType(LinearProbeSpec.class, "linear"),
        new NamedType(KnnProbeSpec.class, "knn")));
  }
}
