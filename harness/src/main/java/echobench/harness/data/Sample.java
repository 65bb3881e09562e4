package echobench.harness.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One labelled item of a dataset, described but not decoded: a video id, the video file(s), the
 * labels and the split.
 *
 * <p>A multi-view sample (one patient seen in several views, e.g. A4C and A2C for biplane EF) lists
 * its videos in the dataset's view order and names each with its own video id: the perturbation
 * seed of a video derives from its video id, so a video gets the same draw whether or not the
 * patient's other views are perturbed, and the same as in a single-view dataset of that video.
 *
 * @param id unique within its dataset; a single-view sample's perturbation seed derives from it
 * @param videos one file, or one per view for a multi-view sample (in the dataset's view order)
 * @param videoIds one id per video, unique within the dataset; a single-view sample's is {@code
 *     id}
 * @param ef left-ventricular ejection fraction in percent, or {@code null} when not labelled
 * @param view the view's class index (see {@link EchoView#classIndex()}), or {@code null}
 * @param split the split the sample belongs to
 * @param metadata further facts about the sample (patient, age group, fold, ESV, …), by name
 */
public record Sample(
    String id, List<Path> videos, List<String> videoIds, Float ef, Integer view, Split split,
    Map<String, String> metadata) {
  /** The metadata key of the patient id, where a dataset has one. */
  public static final String PATIENT = "patient";

  public Sample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(split, "split");
    videos = List.copyOf(videos);
    videoIds = List.copyOf(videoIds);
    metadata = Map.copyOf(metadata);
    if (videos.isEmpty()) {
      throw new IllegalArgumentException("sample " + id + " has no video");
    }
    if (videoIds.size() != videos.size()) {
      throw new IllegalArgumentException("sample " + id + " has " + videos.size()
          + " videos but " + videoIds.size() + " video ids");
    }
  }

  /**
   * A sample whose video ids are {@code id} for the first video and {@code id#2}, {@code id#3}, …
   * for the others.
   */
  public Sample(String id, List<Path> videos, Float ef, Integer view, Split split,
      Map<String, String> metadata) {
    this(id, videos, defaultVideoIds(id, videos.size()), ef, view, split, metadata);
  }

  private static List<String> defaultVideoIds(String id, int videos) {
    List<String> ids = new ArrayList<>(videos);
    for (int k = 0; k < videos; k++) {
      ids.add(k == 0 ? id : id + "#" + (k + 1));
    }
    return ids;
  }

  /** The video of a single-view sample (the first one of a multi-view sample). */
  public Path video() {
    return videos.get(0);
  }

  /** Whether the sample carries more than one video. */
  public boolean isMultiView() {
    return videos.size() > 1;
  }

  /** The patient id in the metadata, if the dataset has one (a blank one counts as none). */
  public Optional<String> patient() {
    return Optional.ofNullable(metadata.get(PATIENT)).filter(p -> !p.isBlank());
  }
}
