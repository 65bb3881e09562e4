package echobench.harness.synth;

/**
 * Exact per-frame masks of the left-ventricular cavity and myocardium in a simulated clip's pixel
 * grid, from the same anatomy the simulator drew: a pixel belongs to a region when the heart layer
 * that decides the tissue at its centre, at that frame's instant of the cardiac cycle, is part of
 * the region. Both masks lie inside the fan and below the chest wall and are disjoint; papillary
 * muscles, valve leaflets and other chambers belong to neither.
 */
public final class CardiacRegions {
  private static final byte NONE = 0;

  private final int frames;
  private final int height;
  private final int width;
  /** Per frame and pixel, {@code 1 + ordinal} of the region, or {@link #NONE}. */
  private final byte[] labels;

  private CardiacRegions(int frames, int height, int width, byte[] labels) {
    this.frames = frames;
    this.height = height;
    this.width = width;
    this.labels = labels;
  }

  /** The regions of {@code echo}, frame by frame. */
  static CardiacRegions of(SimulatedEcho echo) {
    Acquisition acquisition = echo.acquisition();
    Subject subject = echo.subject();
    int size = echo.clip().width();
    int frames = echo.clip().frames();
    ViewAnatomy anatomy = ViewAnatomy.of(acquisition.view(), subject.leftVentricle());
    CardiacCycle cycle = new CardiacCycle(subject.heartRateBpm(), acquisition.cycleStartSeconds(),
        subject.earlyFillingShare());
    double pixel = ScanConverter.centimetresPerPixel(acquisition.depthCm(), size);
    HeartPose pose = acquisition.pose();
    int plane = size * size;
    double[] u = new double[plane];
    double[] v = new double[plane];
    boolean[] heart = new boolean[plane];
    for (int py = 0; py < size; py++) {
      for (int px = 0; px < size; px++) {
        int p = py * size + px;
        double x = ScanConverter.scanX(px, size, pixel);
        double y = ScanConverter.scanY(py, pixel);
        heart[p] = ScanConverter.insideFan(x, y, acquisition.depthCm(), acquisition.halfAngle())
            && Math.hypot(x, y) >= acquisition.chestWallCm();
        u[p] = pose.u(x, y);
        v[p] = pose.v(x, y);
      }
    }
    byte[] labels = new byte[frames * plane];
    for (int t = 0; t < frames; t++) {
      HeartSection section = anatomy.section(cycle.at(t / echo.clip().fps()));
      for (int p = 0; p < plane; p++) {
        CardiacRegion region = heart[p] ? section.regionAt(u[p], v[p]) : null;
        labels[t * plane + p] = region == null ? NONE : (byte) (1 + region.ordinal());
      }
    }
    return new CardiacRegions(frames, size, size, labels);
  }

  public int frames() {
    return frames;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** Whether pixel {@code p} (row-major in a frame) of frame {@code t} lies in {@code region}. */
  public boolean contains(CardiacRegion region, int t, int p) {
    return labels[t * height * width + p] == 1 + region.ordinal();
  }

  /** The number of pixels of {@code region} in frame {@code t}. */
  public int area(CardiacRegion region, int t) {
    int plane = height * width;
    int count = 0;
    for (int p = 0; p < plane; p++) {
      if (labels[t * plane + p] == 1 + region.ordinal()) {
        count++;
      }
    }
    return count;
  }
}
