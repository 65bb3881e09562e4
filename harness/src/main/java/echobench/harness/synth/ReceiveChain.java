package echobench.harness.synth;

import java.util.SplittableRandom;

/**
 * What the scanner does to the echoes after beamforming: time-gain compensation that leaves a
 * little depth loss uncompensated and may turn the near field down, electronic noise that the
 * compensation amplifies with depth, envelope detection, and log compression onto the grey scale.
 *
 * <p>Tissue attenuates {@value #ATTENUATION_DB_PER_CM_MHZ} dB/cm/MHz each way. The compensation
 * applies the round-trip loss less {@code tgcResidualDbPerCm}, plus the near-field setting {@code
 * tgcNearDb·max(0, 1 − 3r/depth)}, so echoes at depth {@code r} end up {@code residual·r} dB too
 * weak (and {@code tgcNearDb} stronger at the skin); noise added at the receiver is amplified by
 * the compensation: it is {@code noiseFloorDb} at full depth and falls towards the transducer.
 * Display:
 * {@code grey = 1 + (20·log10(envelope) + gain)/dynamicRange}, clipped to {@code [0,1]}.
 */
final class ReceiveChain {
  /** Soft-tissue attenuation, dB per cm per MHz, one way. */
  static final double ATTENUATION_DB_PER_CM_MHZ = 0.5;
  private static final float TINY = 1e-12f;

  private final int beams;
  private final float[] signalGain;
  private final float[] noiseSigma;
  private final float gainDb;
  private final float dynamicRangeDb;
  private final SplittableRandom random;

  ReceiveChain(PolarGrid grid, Acquisition acquisition, long seed) {
    this.beams = grid.beams();
    this.gainDb = (float) acquisition.gainDb();
    this.dynamicRangeDb = (float) acquisition.dynamicRangeDb();
    this.random = new SplittableRandom(seed);
    double compensation = 2 * ATTENUATION_DB_PER_CM_MHZ * acquisition.frequencyMHz()
        - acquisition.tgcResidualDbPerCm();
    signalGain = new float[grid.ranges()];
    noiseSigma = new float[grid.ranges()];
    for (int i = 0; i < grid.ranges(); i++) {
      double r = grid.range(i);
      double near = acquisition.tgcNearDb() * Math.max(0, 1 - 3 * r / grid.depthCm());
      signalGain[i] = (float) Math.pow(10, (near - acquisition.tgcResidualDbPerCm() * r) / 20);
      double noiseDb = acquisition.noiseFloorDb() - compensation * (grid.depthCm() - r) + near;
      noiseSigma[i] = (float) (Math.pow(10, noiseDb / 20) * Math.sqrt(0.5));
    }
  }

  /**
   * The envelope {@code |gain·field + noise|} of the beamformed field {@code (re, im)}, written
   * into {@code envelope}.
   */
  void detect(float[] re, float[] im, float[] envelope) {
    for (int k = 0; k < re.length; k++) {
      int i = k / beams;
      float g = signalGain[i];
      float s = noiseSigma[i];
      float x = g * re[k] + s * (float) random.nextGaussian();
      float y = g * im[k] + s * (float) random.nextGaussian();
      envelope[k] = (float) Math.sqrt(x * x + y * y);
    }
  }

  /** Log-compresses {@code envelope} onto grey levels in {@code [0,1]}. */
  void compress(float[] envelope, float[] grey) {
    for (int k = 0; k < envelope.length; k++) {
      float db = (float) (20 * Math.log10(envelope[k] + TINY)) + gainDb;
      grey[k] = Math.max(0f, Math.min(1f, 1 + db / dynamicRangeDb));
    }
  }
}
