package echobench.harness.synth;

import echobench.perturb.Clip;
import echobench.perturb.Seeds;

/**
 * Renders a subject's heart, as one acquisition records it, into a grey echocardiography clip.
 *
 * <p>Per frame: the view's anatomy at that instant of the cardiac cycle gives each polar sample a
 * tissue (below the chest wall's skin, fat and muscle layers); the tissue's echo amplitude, summed
 * in power with the near-field clutter at that depth, scales a
 * complex scatterer field whose speckle partly moves with the tissue; the point-spread function
 * blurs it; the receive chain adds depth loss and noise, detects the envelope and log-compresses
 * it; scan conversion draws the fan, black outside. Everything is seeded by the acquisition, so the
 * same inputs give the same clip bit for bit.
 */
public final class EchoSimulator {
  /**
   * The simulator's revision, part of every cache key and provenance line of simulated data: bump
   * it when the pixels a seed produces change (anatomy, tissue echoes, scanner model or the
   * settings drawn), so that clips, features and encoders made by an older simulator are not
   * reused.
   */
  public static final int REVISION = 2;
  /** Skin thickness, cm; subcutaneous fat takes this share of the rest of the chest wall. */
  private static final double SKIN_CM = 0.15;
  private static final double FAT_SHARE = 0.35;
  /** How fast near-field clutter fades with depth, dB per cm. */
  static final double CLUTTER_DB_PER_CM = 4;

  private final int size;
  private final int frames;
  private final double fps;

  /**
   * @param size width and height of the square image, pixels
   * @param frames frames per clip
   * @param fps frames per second
   */
  public EchoSimulator(int size, int frames, double fps) {
    if (size < 16 || frames < 1 || !(fps > 0)) {
      throw new IllegalArgumentException(
          "need size ≥ 16, frames ≥ 1 and fps > 0, not " + size + ", " + frames + ", " + fps);
    }
    this.size = size;
    this.frames = frames;
    this.fps = fps;
  }

  /** Renders {@code subject} as recorded by {@code acquisition}. */
  public SimulatedEcho simulate(Subject subject, Acquisition acquisition) {
    PolarGrid grid = PolarGrid.forImage(acquisition.depthCm(), acquisition.halfAngle(), size);
    ViewAnatomy anatomy = ViewAnatomy.of(acquisition.view(), subject.leftVentricle());
    HeartPose pose = acquisition.pose();
    int samples = grid.samples();
    double[] u = new double[samples];
    double[] v = new double[samples];
    double[] weight = new double[samples];
    double[] scanX = new double[samples];
    double[] scanY = new double[samples];
    Tissue[] chestWall = new Tissue[samples];
    float[] clutterPower = new float[grid.ranges()];
    for (int i = 0; i < grid.ranges(); i++) {
      double r = grid.range(i);
      clutterPower[i] =
          (float) Math.pow(10, (acquisition.clutterDb() - CLUTTER_DB_PER_CM * r) / 10);
      Tissue layer = chestWallLayer(r, acquisition.chestWallCm());
      for (int j = 0; j < grid.beams(); j++) {
        int k = i * grid.beams() + j;
        scanX[k] = r * Math.sin(grid.angle(j));
        scanY[k] = r * Math.cos(grid.angle(j));
        u[k] = pose.u(scanX[k], scanY[k]);
        v[k] = pose.v(scanX[k], scanY[k]);
        weight[k] = anatomy.motionWeight(u[k], v[k]);
        chestWall[k] = layer;
      }
    }
    float[] amplitude = amplitudes(acquisition.myocardiumOffsetDb());
    ScattererField field = new ScattererField(scanX, scanY, grid.rangeStep(),
        acquisition.speckleCoherence(), acquisition.speckleFrameCorrelation(),
        Seeds.derive(acquisition.seed(), "scatterers"));
    PointSpreadFunction psf = new PointSpreadFunction(grid, acquisition.frequencyMHz());
    ReceiveChain receiver =
        new ReceiveChain(grid, acquisition, Seeds.derive(acquisition.seed(), "noise"));
    ScanConverter converter = new ScanConverter(grid, size);
    CardiacCycle cycle = new CardiacCycle(subject.heartRateBpm(), acquisition.cycleStartSeconds(),
        subject.earlyFillingShare());

    double[] materialU = new double[samples];
    double[] materialV = new double[samples];
    float[] echo = new float[samples];
    float[] re = new float[samples];
    float[] im = new float[samples];
    float[] envelope = new float[samples];
    float[] grey = new float[samples];
    int beams = grid.beams();
    float[] data = new float[frames * size * size];
    for (int t = 0; t < frames; t++) {
      HeartSection section = anatomy.section(cycle.at(t / fps));
      double stretchU = section.stretchU() - 1;
      double stretchV = section.stretchV() - 1;
      for (int k = 0; k < samples; k++) {
        Tissue tissue = chestWall[k] != null ? chestWall[k] : section.tissueAt(u[k], v[k]);
        float a = amplitude[tissue.ordinal()];
        echo[k] = (float) Math.sqrt(a * a + clutterPower[k / beams]);
        materialU[k] = u[k] * (1 + weight[k] * stretchU);
        materialV[k] = v[k] * (1 + weight[k] * stretchV);
      }
      field.next(materialU, materialV, echo, re, im);
      psf.apply(re, im);
      receiver.detect(re, im, envelope);
      receiver.compress(envelope, grey);
      converter.convert(grey, data, t * size * size);
    }
    Clip clip = new Clip(data, 1, frames, size, size, fps,
        subject.id() + "/" + acquisition.view().name());
    return new SimulatedEcho(clip, subject, acquisition);
  }

  /** The chest-wall layer at depth {@code r}, or {@code null} below the chest wall. */
  private static Tissue chestWallLayer(double r, double chestWallCm) {
    if (r >= chestWallCm) {
      return null;
    }
    if (r < SKIN_CM) {
      return Tissue.SKIN;
    }
    return r < SKIN_CM + FAT_SHARE * (chestWallCm - SKIN_CM) ? Tissue.FAT : Tissue.MUSCLE;
  }

  /** Linear echo amplitude of every tissue, by ordinal. */
  private static float[] amplitudes(double myocardiumOffsetDb) {
    Tissue[] tissues = Tissue.values();
    float[] amplitude = new float[tissues.length];
    for (Tissue tissue : tissues) {
      double db = tissue.backscatterDb() + (tissue == Tissue.MYOCARDIUM ? myocardiumOffsetDb : 0);
      amplitude[tissue.ordinal()] = (float) Math.pow(10, db / 20);
    }
    return amplitude;
  }
}
