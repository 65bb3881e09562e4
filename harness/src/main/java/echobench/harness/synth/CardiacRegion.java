package echobench.harness.synth;

/** The two left-ventricular regions an image-quality measure compares. */
public enum CardiacRegion {
  /** The blood pool of the left ventricle, from the endocardium to the mitral annulus plane. */
  LV_CAVITY,
  /** The left-ventricular wall: the ring of myocardium between endocardium and epicardium. */
  LV_MYOCARDIUM
}
