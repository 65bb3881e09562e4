package echobench.models.pretrain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Random;

/**
 * EchoJEPA's training augmentation: a random crop covering a fraction of the frame area drawn from
 * {@code scale} with an aspect ratio drawn log-uniformly from {@code aspect}, resized bilinearly to a
 * square, the same crop for every frame (torchvision's {@code RandomResizedCrop} rule, with its ten
 * tries and centre-crop fallback). Frames beyond the wanted count are cut to a random window.
 */
public record RandomResizedCrop(
    @JsonProperty("min_scale") double minScale,
    @JsonProperty("max_scale") double maxScale,
    @JsonProperty("min_aspect") double minAspect,
    @JsonProperty("max_aspect") double maxAspect) {
  /** EchoJEPA's setting: scale (0.5, 1.0), aspect (0.9, 1.1). */
  public static final RandomResizedCrop ECHOJEPA = new RandomResizedCrop(0.5, 1.0, 0.9, 1.1);

  /** Validates the ranges. */
  public RandomResizedCrop {
    if (!(0 < minScale && minScale <= maxScale && maxScale <= 1)) {
      throw new IllegalArgumentException("crop scale needs 0 < min <= max <= 1");
    }
    if (!(0 < minAspect && minAspect <= maxAspect)) {
      throw new IllegalArgumentException("crop aspect needs 0 < min <= max");
    }
  }

  /**
   * Crops {@code clip} of {@code shape} to {@code frames×size×size} (same channel count).
   *
   * @throws IllegalArgumentException when the clip has fewer frames than wanted
   */
  public float[] apply(float[] clip, ClipShape shape, int frames, int size, Random random) {
    if (shape.frames() < frames) {
      throw new IllegalArgumentException("clips have " + shape.frames() + " frames, " + frames + " wanted");
    }
    int h = shape.height();
    int w = shape.width();
    int[] box = box(h, w, random);
    int firstFrame = shape.frames() == frames ? 0 : random.nextInt(shape.frames() - frames + 1);
    float[] out = new float[shape.channels() * frames * size * size];
    double sy = (double) box[2] / size;
    double sx = (double) box[3] / size;
    for (int c = 0; c < shape.channels(); c++) {
      for (int t = 0; t < frames; t++) {
        int src = (c * shape.frames() + firstFrame + t) * h * w;
        int dst = (c * frames + t) * size * size;
        for (int y = 0; y < size; y++) {
          double fy = Math.min(Math.max(box[0] + (y + 0.5) * sy - 0.5, 0), h - 1);
          int y0 = (int) fy;
          int y1 = Math.min(y0 + 1, h - 1);
          double wy = fy - y0;
          for (int x = 0; x < size; x++) {
            double fx = Math.min(Math.max(box[1] + (x + 0.5) * sx - 0.5, 0), w - 1);
            int x0 = (int) fx;
            int x1 = Math.min(x0 + 1, w - 1);
            double wx = fx - x0;
            double top = clip[src + y0 * w + x0] * (1 - wx) + clip[src + y0 * w + x1] * wx;
            double bottom = clip[src + y1 * w + x0] * (1 - wx) + clip[src + y1 * w + x1] * wx;
            out[dst + y * size + x] = (float) (top * (1 - wy) + bottom * wy);
          }
        }
      }
    }
    return out;
  }

  /** The crop box {@code (top, left, height, width)} within an {@code h×w} frame. */
  int[] box(int h, int w, Random random) {
    double area = (double) h * w;
    double logMin = Math.log(minAspect);
    double logMax = Math.log(maxAspect);
    for (int attempt = 0; attempt < 10; attempt++) {
      double target = area * (minScale + random.nextDouble() * (maxScale - minScale));
      double aspect = Math.exp(logMin + random.nextDouble() * (logMax - logMin));
      int cw = (int) Math.round(Math.sqrt(target * aspect));
      int ch = (int) Math.round(Math.sqrt(target / aspect));
      if (cw > 0 && ch > 0 && cw <= w && ch <= h) {
        return new int[] {random.nextInt(h - ch + 1), random.nextInt(w - cw + 1), ch, cw};
      }
    }
    double ratio = (double) w / h;
    int cw = w;
    int ch = h;
    if (ratio < minAspect) {
      ch = (int) Math.round(w / minAspect);
    } else if (ratio > maxAspect) {
      cw = (int) Math.round(h * maxAspect);
    }
    return new int[] {(h - ch) / 2, (w - cw) / 2, ch, cw};
  }
}
