package echobench.perturb;

/**
 * One image degradation at one severity: a pure function of the clip, the scan mask and a seed.
 *
 * <p>The same inputs and seed give bit-identical output. Severity 0 is the identity. Random
 * parameters are drawn once per clip from {@code seed} and applied to every frame and channel,
 * unless the artifact is itself temporal. Derive the seed with {@link Seeds#forVideo} so that a video
 * gets the same draw at every severity and for every model.
 */
public interface Perturbation {

  /** The registry name, for example {@code depth-exp}. */
  String name();

  /** The severity this instance applies, 0 (identity) up to its family's maximum. */
  int severity();

  /**
   * Applies the perturbation, returning a new clip with values in {@code [0,1]}.
   *
   * @param clip the input, left untouched
   * @param mask the diagnostic sector; it must match the clip's frame size
   * @param seed the per-video seed from {@link Seeds#forVideo}
   */
  Clip apply(Clip clip, ScanMask mask, long seed);

  /**
   * Applies the perturbation into a caller's buffer, so that a pipeline perturbing many clips can
   * reuse one array instead of allocating a clip-sized output each time. The result equals
   * {@link #apply}'s bit for bit. Perturbations that can write their output directly override this;
   * the default copies {@link #apply}'s result.
   *
   * @param destination receives the output; as long as {@code clip.data()} and not that array
   * @return a clip of {@code clip}'s shape backed by {@code destination}
   */
  default Clip applyInto(Clip clip, ScanMask mask, long seed, float[] destination) {
    clip.requireOutputBuffer(destination);
    float[] out = apply(clip, mask, seed).data();
    System.arraycopy(out, 0, destination, 0, out.length);
    return clip.withData(destination);
  }
}
