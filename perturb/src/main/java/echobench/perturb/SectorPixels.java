package echobench.perturb;

/**
 * The pixels inside a scan mask with their polar coordinates about the sector apex, computed once
 * per clip so that no perturbation evaluates trigonometry inside its frame loop.
 *
 * <p>Entry {@code i} describes flat pixel index {@link #pixel pixel(i)} ({@code y·W + x}), its
 * radial distance from the apex as a fraction of the sector radius and its beam angle from the
 * vertical in radians, as defined by {@link SectorGeometry}.
 */
final class SectorPixels {
  private final int[] pixels;
  private final float[] depth;
  private final float[] angle;
  private final int width;
  private final SectorGeometry geometry;

  private SectorPixels(
      int[] pixels, float[] depth, float[] angle, int width, SectorGeometry geometry) {
    this.pixels = pixels;
    this.depth = depth;
    this.angle = angle;
    this.width = width;
    this.geometry = geometry;
  }

  /** The masked pixels of {@code mask}, in row-major order, anchored at its sector apex. */
  static SectorPixels of(ScanMask mask) {
    SectorGeometry g = mask.geometry();
    int n = mask.count();
    int[] pixels = new int[n];
    float[] depth = new float[n];
    float[] angle = new float[n];
    int i = 0;
    for (int y = 0; y < mask.height(); y++) {
      for (int x = 0; x < mask.width(); x++) {
        if (mask.contains(x, y)) {
          pixels[i] = y * mask.width() + x;
          depth[i] = (float) (g.radiusAt(x, y) / g.radius());
          angle[i] = (float) g.angleAt(x, y);
          i++;
        }
      }
    }
    return new SectorPixels(pixels, depth, angle, mask.width(), g);
  }

  /** Number of masked pixels. */
  int count() {
    return pixels.length;
  }

  /** Flat index {@code y·W + x} of entry {@code i}. */
  int pixel(int i) {
    return pixels[i];
  }

  /** Column of entry {@code i}. */
  int x(int i) {
    return pixels[i] % width;
  }

  /** Row of entry {@code i}. */
  int y(int i) {
    return pixels[i] / width;
  }

  /** Distance of entry {@code i} from the apex divided by the sector radius (1 at the deepest arc). */
  float depth(int i) {
    return depth[i];
  }

  /** Beam angle of entry {@code i} from the vertical, radians, positive to the right. */
  float angle(int i) {
    return angle[i];
  }

  /** The sector these coordinates are measured in. */
  SectorGeometry geometry() {
    return geometry;
  }
}
