package echobench.perturb;

import java.util.Arrays;

/**
 * {@code reverberation}: multiple reflections between the transducer and a strong near-field
 * interface (chest wall, pericardium) that the scanner maps to ghost copies of the interface at
 * two, three, … times its depth along every beam.
 *
 * <p>The interface depth {@code d} is measured from the clip: the radius from the sector apex,
 * between {@value #SEARCH_FROM} and {@value #SEARCH_TO} of the sector radius, whose one-pixel ring
 * is brightest on average over all frames and channels. The interface is the image content within a
 * Gaussian window of standard deviation {@code w = max(1 px, }{@value #THICKNESS}{@code ·radius)}
 * around {@code d}. Echo {@code k = 1..n} adds that content, shifted outward along its own beam by
 * {@code k·d} (bilinear sampling) and scaled by {@code a·}{@value #DECAY}{@code ^(k−1)}, and the
 * result is clipped to 1. Deterministic: no random draw; a static clip gives identical frames.
 *
 * <table>
 *   <caption>Echoes per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>first-echo amplitude a</th><td>0.15</td><td>0.25</td><td>0.40</td><td>0.55</td>
 *     <td>0.70</td></tr>
 *   <tr><th>echoes n</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 * </table>
 */
public final class Reverberation extends GradedPerturbation {
  /** Shallowest interface depth searched, as a fraction of the sector radius. */
  public static final double SEARCH_FROM = 0.05;

  /** Deepest interface depth searched, as a fraction of the sector radius. */
  public static final double SEARCH_TO = 0.30;

  /** Interface thickness (Gaussian σ) as a fraction of the sector radius, at least one pixel. */
  public static final double THICKNESS = 0.015;

  /** Amplitude ratio of successive echoes. */
  public static final double DECAY = 0.6;

  private static final double[] AMPLITUDE = {0, 0.15, 0.25, 0.40, 0.55, 0.70};
  private static final int[] ECHOES = {0, 1, 2, 3, 4, 5};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "reverberation",
          5,
          "ghost copies of the brightest near-field interface at multiples of its depth",
          s ->
              "a=" + AMPLITUDE[s] + " echoes=" + ECHOES[s] + " decay=" + DECAY + " interface in "
                  + SEARCH_FROM + ".." + SEARCH_TO + "·radius",
          Reverberation::new);


  private Reverberation(int severity) {
    super(SPEC.name(), severity);
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    SectorPixels sector = SectorPixels.of(mask);
    Taps taps = echoTaps(sector, mask, interfaceDepth(clip, sector));
    float[] in = clip.data();
    float[] out = in.clone();
    for (int off = 0; off < in.length; off += clip.planeSize()) {
      for (int e = 0; e < taps.size; e++) {
        out[off + taps.target[e]] += taps.weight[e] * in[off + taps.source[e]];
      }
      for (int e = 0; e < taps.size; e++) {
        int p = off + taps.target[e];
        out[p] = Math.min(1f, out[p]);
      }
    }
    return clip.withData(out);
  }

  /**
   * The interface depth in pixels from the apex: the centre of the brightest one-pixel ring between
   * {@link #SEARCH_FROM} and {@link #SEARCH_TO} of the sector radius (the shallowest on a tie).
   */
  static double interfaceDepth(Clip clip, SectorPixels sector) {
    double radius = sector.geometry().radius();
    int first = (int) Math.floor(SEARCH_FROM * radius);
    int last = (int) Math.floor(SEARCH_TO * radius);
    double[] sum = new double[last - first + 1];
    long[] count = new long[sum.length];
    float[] data = clip.data();
    for (int i = 0; i < sector.count(); i++) {
      int ring = (int) Math.floor(sector.depth(i) * radius);
      if (ring >= first && ring <= last) {
        for (int off = 0; off < data.length; off += clip.planeSize()) {
          sum[ring - first] += data[off + sector.pixel(i)];
        }
        count[ring - first] += clip.planes();
      }
    }
    int best = -1;
    for (int k = 0; k < sum.length; k++) {
      if (count[k] > 0 && (best < 0 || sum[k] / count[k] > sum[best] / count[best])) {
        best = k;
      }
    }
    return best < 0 ? 0.5 * (SEARCH_FROM + SEARCH_TO) * radius : first + best + 0.5;
  }

  /** For every masked pixel reached by an echo: the masked source pixels and their weights. */
  private Taps echoTaps(SectorPixels sector, ScanMask mask, double depth) {
    SectorGeometry g = sector.geometry();
    double thickness = Math.max(1, THICKNESS * g.radius());
    double reach = 3 * thickness;
    Taps taps = new Taps();
    for (int i = 0; i < sector.count(); i++) {
      double r = sector.depth(i) * g.radius();
      if (r < depth) {
        continue;
      }
      double ux = (sector.x(i) - g.apexX()) / r;
      double uy = (sector.y(i) - g.apexY()) / r;
      double amplitude = AMPLITUDE[severity()];
      for (int k = 1; k <= ECHOES[severity()]; k++, amplitude *= DECAY) {
        double rho = r - k * depth;
        double off = rho - depth;
        if (rho >= 0 && Math.abs(off) <= reach) {
          double w = amplitude * Math.exp(-off * off / (2 * thickness * thickness));
          addBilinear(taps, mask, sector.pixel(i), g.apexX() + rho * ux, g.apexY() + rho * uy, w);
        }
      }
    }
    return taps;
  }

  private static void addBilinear(
      Taps taps, ScanMask mask, int target, double sx, double sy, double weight) {
    int x0 = (int) Math.floor(sx);
    int y0 = (int) Math.floor(sy);
    double fx = sx - x0;
    double fy = sy - y0;
    for (int dy = 0; dy <= 1; dy++) {
      for (int dx = 0; dx <= 1; dx++) {
        int x = x0 + dx;
        int y = y0 + dy;
        double b = (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy);
        if (b > 0 && x >= 0 && y >= 0 && x < mask.width() && y < mask.height()
            && mask.contains(x, y)) {
          taps.add(target, y * mask.width() + x, (float) (weight * b));
        }
      }
    }
  }

  /** A growing list of (target pixel, source pixel, weight) triples, computed once per clip. */
  private static final class Taps {
    private int[] target = new int[256];
    private int[] source = new int[256];
    private float[] weight = new float[256];
    private int size;

    void add(int to, int from, float w) {
      if (size == target.length) {
        target = Arrays.copyOf(target, 2 * size);
        source = Arrays.copyOf(source, 2 * size);
        weight = Arrays.copyOf(weight, 2 * size);
      }
      target[size] = to;
      source[size] = from;
      weight[size] = w;
      size++;
    }
  }
}
