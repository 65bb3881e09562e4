package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;

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

  /** Fills the defaults and checks every value is positive. */
  public SamplingConfig {
    frames = frames == null ? 16 : frames;
    frameStep = frameStep == null ? 2 : frameStep;
    clips = clips == null ? 2 : clips;
    resolution = resolution == null ? 224 : resolution;
    if (frames < 1 || frameStep < 1 || clips < 1 || resolution < 1) {
      throw new IllegalArgumentException(
          "sampling: frames, frame_step, clips and resolution must be positive");
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
