package echobench.harness.study;

import echobench.harness.data.Sample;
import echobench.reports.io.InputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the unreadable videos of a run and enforces {@code max_skip_fraction} (DESIGN §8): a pass
 * over {@code n} videos of a dataset may skip at most {@code floor(fraction·n)} of them; one more
 * stops the run with the dataset, the count and the first failure.
 */
final class SkipPolicy {
  private final double maxFraction;
  private final Set<SkippedVideo> skipped = new LinkedHashSet<>();

  /** A policy allowing {@code maxFraction} of each pass's videos to be skipped. */
  SkipPolicy(double maxFraction) {
    this.maxFraction = maxFraction;
  }

  /**
   * Records that {@code sample} of {@code dataset} could not be read; {@code skippedInPass} is the
   * count of this pass so far, including this one, out of {@code passSize} videos.
   *
   * @throws InputException when the pass has now skipped more than allowed
   */
  SkippedVideo skip(String dataset, Sample sample, String reason, int skippedInPass,
      int passSize) {
    SkippedVideo video =
        new SkippedVideo(dataset, sample.id(), sample.video().toString(), reason);
    skipped.add(video);
    long allowed = (long) Math.floor(maxFraction * passSize);
    if (skippedInPass > allowed) {
      throw new InputException(reason + " (dataset " + dataset + ": " + skippedInPass + " of "
          + passSize + " videos unreadable, more than max_skip_fraction " + maxFraction
          + " allows)");
    }
    return video;
  }

  /** Records skips found by an earlier, cached pass. */
  void addAll(List<SkippedVideo> earlier) {
    skipped.addAll(earlier);
  }

  /** Every skipped video, in the order first seen. */
  List<SkippedVideo> skipped() {
    return new ArrayList<>(skipped);
  }
}
