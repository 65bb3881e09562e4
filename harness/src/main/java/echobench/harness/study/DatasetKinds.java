package echobench.harness.study;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import echobench.reports.io.KindRegistry;
import java.util.List;

/** The dataset kinds a study's {@code kind:} key may name: one line per kind. */
public final class DatasetKinds extends KindRegistry {
  /** The registry, for looking kinds up outside Jackson. */
  static final DatasetKinds REGISTRY = new DatasetKinds();

  /** The registered kinds (Jackson instantiates the registry by this constructor). */
  public DatasetKinds() {
    super("dataset", List.of(
        new NamedType(EchoNetDynamicSpec.class, "echonet-dynamic"),
        new NamedType(EchoNetPediatricSpec.class, "echonet-pediatric"),
        new NamedType(ListCsvSpec.class, "list-csv"),
        new NamedType(SyntheticSpec.class, "synthetic")));
  }
}
