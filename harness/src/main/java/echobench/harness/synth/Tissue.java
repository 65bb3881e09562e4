package echobench.harness.synth;

/**
 * The tissues of the simulated chest, each with its backscatter: the mean echo amplitude of a
 * region of that tissue relative to the pericardium, the strongest reflector, in decibels.
 *
 * <p>The ordering of these values is what makes an echocardiogram readable: blood is nearly
 * anechoic, myocardium mid-grey, valves and fibrous tissue bright, the pericardium brightest.
 */
public enum Tissue {
  BLOOD(-48),
  MYOCARDIUM(-15),
  VALVE(-5),
  PERICARDIUM(0),
  /** Aortic wall, annulus and other dense connective tissue. */
  FIBROUS(-8),
  /** Epicardial and subcutaneous fat. */
  FAT(-21),
  /** Chest-wall muscle. */
  MUSCLE(-19),
  SKIN(-7),
  /** Mediastinal tissue and lung edge around the heart. */
  SOFT_TISSUE(-34);

  private final double backscatterDb;

  Tissue(double backscatterDb) {
    this.backscatterDb = backscatterDb;
  }

  /** Mean echo amplitude relative to the pericardium, in dB. */
  public double backscatterDb() {
    return backscatterDb;
  }
}
