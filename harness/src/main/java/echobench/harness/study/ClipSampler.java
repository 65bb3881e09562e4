package echobench.harness.study;

import echobench.perturb.Clip;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decoded (and possibly perturbed) video into the clips an encoder sees, as the EchoJEPA
 * evaluation does: {@code clips} temporal windows of {@code frames} frames taken every
 * {@code frameStep} frames, one centred in each of {@code clips} equal parts of the video; each frame
 * resized so its short side is {@code round(resolution·256/224)}, then centre-cropped to
 * {@code resolution × resolution}.
 *
 * <p>Sampling is deterministic, so every model and perturbation sees the same frames of a video.
 * Videos shorter than a window repeat their last frame.
 */
public final class ClipSampler {
  /** EchoJEPA's evaluation resize: short side to {@code resolution·256/224} before the crop. */
  public static final double RESIZE_RATIO = 256.0 / 224.0;

  private final int frames;
  private final int frameStep;
  private final int clips;
  private final int resolution;

  /**
   * @param frames frames per clip
   * @param frameStep distance between sampled frames
   * @param clips windows per video
   * @param resolution side of the square crop
   */
  public ClipSampler(int frames, int frameStep, int clips, int resolution) {
    if (frames < 1 || frameStep < 1 || clips < 1 || resolution < 1) {
      throw new IllegalArgumentException(
          "frames, frame step, clips and resolution must be positive");
    }
    this.frames = frames;
    this.frameStep = frameStep;
    this.clips = clips;
    this.resolution = resolution;
  }

  public int frames() {
    return frames;
  }

  public int clips() {
    return clips;
  }

  public int resolution() {
    return resolution;
  }

  /** The first frame of each window for a video of {@code videoFrames} frames. */
  int[] windowStarts(int videoFrames) {
    int span = (frames - 1) * frameStep + 1;
    int[] starts = new int[clips];
    for (int k = 0; k < clips; k++) {
      double partStart = k * videoFrames / (double) clips;
      double partLength = videoFrames / (double) clips;
      int start = (int) Math.floor(partStart + (partLength - span) / 2);
      starts[k] = Math.max(0, Math.min(start, videoFrames - span));
    }
    return starts;
  }

  /**
   * The clips of {@code video}, each {@code C×frames×resolution×resolution} with the video's
   * channel count, values in {@code [0,1]}.
   */
  public List<float[]> sample(Clip video) {
    int h = video.height();
    int w = video.width();
    double scale = Math.round(resolution * RESIZE_RATIO) / (double) Math.min(h, w);
    int rh = Math.max(resolution, (int) Math.round(h * scale));
    int rw = Math.max(resolution, (int) Math.round(w * scale));
    Resampler rows = new Resampler(h, rh);
    Resampler cols = new Resampler(w, rw);
    int top = (rh - resolution) / 2;
    int left = (rw - resolution) / 2;
    float[] widened = new float[h * rw];
    float[] resized = new float[rh * rw];
    int outPlane = resolution * resolution;
    List<float[]> out = new ArrayList<>(clips);
    for (int start : windowStarts(video.frames())) {
      float[] clip = new float[video.channels() * frames * outPlane];
      for (int c = 0; c < video.channels(); c++) {
        for (int f = 0; f < frames; f++) {
          int t = Math.min(start + f * frameStep, video.frames() - 1);
          int src = video.index(c, t, 0, 0);
          for (int y = 0; y < h; y++) {
            cols.apply(video.data(), src + y * w, 1, widened, y * rw, 1);
          }
          for (int x = 0; x < rw; x++) {
            rows.apply(widened, x, rw, resized, x, rw);
          }
          int dst = (c * frames + f) * outPlane;
          for (int y = 0; y < resolution; y++) {
            System.arraycopy(resized, (top + y) * rw + left, clip, dst + y * resolution, resolution);
          }
        }
      }
      out.add(clip);
    }
    return out;
  }
}
