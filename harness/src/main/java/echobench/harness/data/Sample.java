package echobench.harness.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One labelled item of a dataset, described but not decoded: a video id, the video file(s), the
 * labels and the split.
 *
 * @param id unique within its dataset; perturbation seeds are derived from it
 * @param videos one file, or one per view for a multi-view sample (in the order listed)
 * @param ef left-ventricular ejection fraction in percent, or {@code null} when not labelled
 * @param view the view's class index (see {@link EchoView#classIndex()}), or {@code null}
 * @param split the split the sample belongs to
 * @param metadata further facts about the sample (patient, age group, fold, ESV, …), by name
 */
public record Sample(
    String id, List<Path> videos, Float ef, Integer view, Split split,
    Map<String, String> metadata) {

  public Sample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(split, "split");
    videos = List.copyOf(videos);
    metadata = Map.copyOf(metadata);
    if (videos.isEmpty()) {
      throw new IllegalArgumentException("sample " + id + " has no video");
    }
  }

  /** The video of a single-view sample (the first one of a multi-view sample). */
  public Path video() {
    return videos.get(0);
  }

  /** Whether the sample carries more than one video. */
  public boolean isMultiView() {
    return videos.size() > 1;
  }
}
