package echobench.harness.data;

import java.util.List;

/**
 * A list of labelled samples read from a dataset's index files. Loading lists metadata only; the
 * videos are decoded later, once per run.
 */
public interface Dataset {
  /** A short name for reports, e.g. {@code echonet-dynamic}. */
  String name();

  /** Every sample, in the order of the index file. */
  List<Sample> samples();

  /** The samples of {@code split}, in the order of the index file. */
  default List<Sample> samples(Split split) {
    return samples().stream().filter(s -> s.split() == split).toList();
  }
}
