package echobench.harness.synth;

import echobench.harness.data.EchoView;

/**
 * How one video of a subject is recorded: the view and where the heart lies in it, the scanner's
 * sector and settings, and the speckle's behaviour.
 *
 * @param view the standard view
 * @param pose the heart's position and orientation in the scan plane
 * @param depthCm imaging depth: the radius of the sector
 * @param halfAngle half the sector's opening angle, radians
 * @param chestWallCm depth at which the chest wall (skin, fat, muscle) gives way to the mediastinum
 * @param frequencyMHz transmit centre frequency: sets wavelength, resolution and attenuation
 * @param gainDb overall receive gain added before display
 * @param dynamicRangeDb decibels spanned by the grey scale, black to white
 * @param noiseFloorDb electronic noise at full depth after time-gain compensation, in dB relative
 *     to the pericardium's echo
 * @param tgcResidualDbPerCm depth loss left over after time-gain compensation: the slope of the
 *     time-gain compensation curve's error
 * @param tgcNearDb the near-field sliders' setting: gain added at the skin, fading linearly to
 *     nothing at a third of the depth (negative: the near field turned down against clutter)
 * @param clutterDb near-field clutter (reverberation between the transducer, skin and ribs) at
 *     the skin, relative to the pericardium's echo; it fades by {@value EchoSimulator#CLUTTER_DB_PER_CM} dB
 *     per cm of depth
 * @param myocardiumOffsetDb this subject's myocardial echogenicity relative to the nominal one
 * @param speckleCoherence share of the scatterer field that moves with the tissue (the rest
 *     decorrelates from frame to frame: out-of-plane motion, blood, noise in the scatterers)
 * @param speckleFrameCorrelation frame-to-frame correlation of the decorrelating share
 * @param cycleStartSeconds where in the heartbeat the clip starts
 * @param seed seed of this recording's random scatterers and noise
 */
public record Acquisition(
    EchoView view, HeartPose pose, double depthCm, double halfAngle, double chestWallCm,
    double frequencyMHz, double gainDb, double dynamicRangeDb, double noiseFloorDb,
    double tgcResidualDbPerCm, double tgcNearDb, double clutterDb, double myocardiumOffsetDb,
    double speckleCoherence, double speckleFrameCorrelation, double cycleStartSeconds, long seed) {

  public Acquisition {
    if (!(depthCm > 0)) {
      throw new IllegalArgumentException("depth must be positive, not " + depthCm);
    }
    if (!(halfAngle > 0 && halfAngle < Math.PI / 2)) {
      throw new IllegalArgumentException("sector half-angle must be in (0, 90°)");
    }
    if (!(dynamicRangeDb > 0 && frequencyMHz > 0)) {
      throw new IllegalArgumentException("dynamic range and frequency must be positive");
    }
    if (!(speckleCoherence >= 0 && speckleCoherence <= 1 && speckleFrameCorrelation >= 0
        && speckleFrameCorrelation < 1)) {
      throw new IllegalArgumentException("speckle coherence and correlation must be in [0,1]");
    }
  }
}
