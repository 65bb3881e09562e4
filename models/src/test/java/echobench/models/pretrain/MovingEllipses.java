package echobench.models.pretrain;

import java.util.Random;

/**
 * A procedural stand-in for echo clips: a dark ellipse with a bright wall whose size beats over the
 * clip, at a per-clip position, size, phase and rate, with brightness falling with depth and a weak
 * multiplicative speckle that decorrelates from frame to frame. Grey, {@code [0,1]}.
 */
final class MovingEllipses implements ClipSource {
  private final int count;
  private final ClipShape shape;
  private final long seed;

  MovingEllipses(int count, int frames, int size, long seed) {
    this.count = count;
    this.shape = new ClipShape(1, frames, size, size);
    this.seed = seed;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public ClipShape shape() {
    return shape;
  }

  @Override
  public void fill(int index, float[] destination) {
    Random r = new Random(seed * 1_000_003L + index);
    int n = shape.height();
    double cx = n * (0.35 + 0.3 * r.nextDouble());
    double cy = n * (0.35 + 0.3 * r.nextDouble());
    double radius = n * (0.15 + 0.1 * r.nextDouble());
    double phase = 2 * Math.PI * r.nextDouble();
    double period = 4 + 8 * r.nextDouble();
    double gain = 0.6 + 0.4 * r.nextDouble();
    for (int t = 0; t < shape.frames(); t++) {
      double scale = 1 - 0.3 * (0.5 + 0.5 * Math.sin(phase + 2 * Math.PI * t / period));
      double a = radius * scale;
      double b = 1.4 * radius * scale;
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          double d = Math.hypot((x - cx) / a, (y - cy) / b);
          double tissue = d < 0.8 ? 0.1 : d < 1.2 ? 0.9 : 0.45;
          double speckle = 0.98 + 0.04 * r.nextDouble();
          double depth = 1 - 0.6 * y / n;
          destination[(t * n + y) * n + x] = (float) Math.min(1, tissue * speckle * depth * gain);
        }
      }
    }
  }

  @Override
  public String describe() {
    return "moving ellipses, " + count + " clips, seed " + seed;
  }
}
