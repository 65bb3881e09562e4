package echobench.perturb;

/**
 * {@code speckle-reduction}: the edge-preserving smoothing that scanners apply as a speckle filter,
 * here a bilateral filter on every frame and channel.
 *
 * <p>Each masked pixel becomes the weighted mean of the masked pixels in its
 * {@code (2·radius+1)²} window, with weights {@code exp(−d²/(2σs²))·exp(−ΔI²/(2σr²))} for a
 * neighbour at distance {@code d} pixels whose intensity differs by {@code ΔI}. Pixels outside the
 * mask neither change nor contribute, so text and ECG traces never bleed into the sector.
 * Deterministic: no random draw.
 *
 * <table>
 *   <caption>Filter per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>spatial σs (px)</th><td>0.5</td><td>0.75</td><td>1.0</td><td>1.25</td><td>1.5</td></tr>
 *   <tr><th>range σr</th><td>0.03</td><td>0.06</td><td>0.10</td><td>0.15</td><td>0.20</td></tr>
 *   <tr><th>window radius (px)</th><td>1</td><td>2</td><td>2</td><td>3</td><td>3</td></tr>
 * </table>
 */
public final class SpeckleReduction extends GradedPerturbation {
  private static final double[] SPATIAL_SIGMA = {0, 0.5, 0.75, 1.0, 1.25, 1.5};
  private static final double[] RANGE_SIGMA = {0, 0.03, 0.06, 0.10, 0.15, 0.20};
  private static final int[] RADIUS = {0, 1, 2, 2, 3, 3};

  /** Intensities are compared in this many steps per unit, the resolution of the range table. */
  private static final int RANGE_STEPS = 1024;

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "speckle-reduction",
          5,
          "scanner speckle filter: edge-preserving bilateral smoothing inside the sector",
          s ->
              "σs=" + SPATIAL_SIGMA[s] + " px σr=" + RANGE_SIGMA[s] + " window=" + (2 * RADIUS[s] + 1)
                  + "×" + (2 * RADIUS[s] + 1),
          SpeckleReduction::new);

  private final int radius;
  private final float[] spatial;
  private final float[] range;

  private SpeckleReduction(int severity) {
    super(SPEC.name(), severity);
    this.radius = RADIUS[severity];
    int side = 2 * radius + 1;
    this.spatial = new float[side * side];
    double s2 = 2 * SPATIAL_SIGMA[severity] * SPATIAL_SIGMA[severity];
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        spatial[(dy + radius) * side + dx + radius] = (float) Math.exp(-(dx * dx + dy * dy) / s2);
      }
    }
    this.range = new float[RANGE_STEPS + 1];
    double r2 = 2 * RANGE_SIGMA[severity] * RANGE_SIGMA[severity];
    for (int k = 0; k <= RANGE_STEPS; k++) {
      double d = k / (double) RANGE_STEPS;
      range[k] = (float) Math.exp(-d * d / r2);
    }
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    SectorPixels sector = SectorPixels.of(mask);
    int h = clip.height();
    int w = clip.width();
    float[] in = clip.data();
    float[] out = in.clone();
    int[] level = new int[clip.planeSize()];
    int side = 2 * radius + 1;
    for (int off = 0; off < in.length; off += clip.planeSize()) {
      quantise(in, off, mask, level);
      for (int i = 0; i < sector.count(); i++) {
        int x = sector.x(i);
        int y = sector.y(i);
        int centre = level[sector.pixel(i)];
        float sum = 0;
        float norm = 0;
        for (int ny = Math.max(0, y - radius); ny <= Math.min(h - 1, y + radius); ny++) {
          int kernelRow = (ny - y + radius) * side + radius - x;
          for (int nx = Math.max(0, x - radius); nx <= Math.min(w - 1, x + radius); nx++) {
            int q = ny * w + nx;
            if (level[q] >= 0) {
              float wt = spatial[kernelRow + nx] * range[Math.abs(level[q] - centre)];
              sum += wt * in[off + q];
              norm += wt;
            }
          }
        }
        out[off + sector.pixel(i)] = Math.min(1f, sum / norm);
      }
    }
    return clip.withData(out);
  }

  /**
   * Intensities of the plane at {@code off} in range-table steps, {@code round(I·1024)}, and −1
   * outside the mask so that those pixels never contribute.
   */
  private static void quantise(float[] in, int off, ScanMask mask, int[] level) {
    for (int p = 0; p < level.length; p++) {
      level[p] = mask.contains(p) ? Math.round(in[off + p] * RANGE_STEPS) : -1;
    }
  }
}
