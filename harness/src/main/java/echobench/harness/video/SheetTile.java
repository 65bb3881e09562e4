package echobench.harness.video;

import echobench.perturb.Clip;
import java.util.Objects;

/**
 * One labelled image of a contact sheet: frame {@code frame} of {@code clip}.
 *
 * @param label the caption drawn above the frame
 * @param clip the clip the frame comes from
 * @param frame the frame index
 */
public record SheetTile(String label, Clip clip, int frame) {

  public SheetTile {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(clip, "clip");
    if (frame < 0 || frame >= clip.frames()) {
      throw new IllegalArgumentException(
          "frame " + frame + " is outside the clip's " + clip.frames() + " frames");
    }
  }
}
