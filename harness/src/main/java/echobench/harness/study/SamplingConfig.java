package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.video.VideoReader;

/**
 * How clips are cut from each decoded video (DESIGN §5): {@code clips} windows of {@code frames}
 * frames taken every {@code frameStep} frames, each frame resized and centre-cropped to {@code
 * resolution} pixels. Absent keys take the EchoJEPA evaluation defaults (16 frames, step 2, 2 clips,
 * 224 pixels).
 *
 * @param frames frames per clip
 * @param frameStep distance between sampled frames
 * @param clips clips per video; their predictions are averaged
 * @param resolution side of the square crop in pixels
 */
public record SamplingConfig(
    @JsonProperty("frames") Integer frames,
    @JsonProperty("frame_step") Integer frameStep,
    @JsonProperty("clips") Integer clips,
    @JsonProperty("resolution") Integer resolution) {

  /** Most frames per clip. */
  public static final int MAX_FRAMES = 256;
  /** Largest distance between sampled frames. */
  public static final int MAX_FRAME_STEP = 64;
  /** Most clips per video. */
  public static final int MAX_CLIPS = 32;
  /** Largest crop side, in pixels. */
  public static final int MAX_RESOLUTION = 1024;

  /**
   * Fills the defaults and checks every value against its bounds: frames 1..{@value #MAX_FRAMES},
   * frame_step 1..{@value #MAX_FRAME_STEP}, clips 1..{@value #MAX_CLIPS}, resolution
   * 1..{@value #MAX_RESOLUTION}, and frames × resolution² at most {@link
   * VideoReader#MAX_CLIP_PIXELS}.
   */
  public SamplingConfig {
    frames = frames == null ? 16 : frames;
    frameStep = frameStep == null ? 2 : frameStep;
    clips = clips == null ? 2 : clips;
    resolution = resolution == null ? 224 : resolution;
    within("frames", frames, MAX_FRAMES);
    within("frame_step", frameStep, MAX_FRAME_STEP);
    within("clips", clips, MAX_CLIPS);
    within("resolution", resolution, MAX_RESOLUTION);
    if ((long) frames * resolution * resolution > VideoReader.MAX_CLIP_PIXELS) {
      throw new IllegalArgumentException("sampling: frames × resolution² must be at most "
          + VideoReader.MAX_CLIP_PIXELS + " pixels, not " + frames + " × " + resolution + "²");
    }
  }

  private static void within(String key, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(
          "sampling: " + key + " must be 1.." + max + ", not " + value);
    }
  }

  /** The defaults. */
  public static SamplingConfig defaults() {
    return new SamplingConfig(null, null, null, null);
  }

  /** The sampler cutting clips of {@code clipFrames} frames at {@code side} pixels. */
  ClipSampler sampler(int clipFrames, int side) {
    return new ClipSampler(clipFrames, frameStep, clips, side);
  }
}
