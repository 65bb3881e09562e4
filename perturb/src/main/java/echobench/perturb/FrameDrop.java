package echobench.perturb;

import java.util.SplittableRandom;

/**
 * {@code frame-drop}: irregular frame timing, as from a dropping frame grabber or a variable-rate
 * export: some frames are lost and the display repeats the last one it received.
 *
 * <p>Frame 0 is always kept. For frames {@code t = 1..T−1}, in order, one uniform {@code u_t} is
 * drawn from the clip seed and the frame is dropped when {@code u_t < p}; a dropped frame is
 * replaced, inside the scan mask, by the most recent kept frame, so the clip keeps its length and
 * frame rate. Outside the mask every frame keeps its own pixels. Because the draws do not depend on
 * the severity, the frames dropped at one severity are also dropped at every higher one.
 *
 * <table>
 *   <caption>Drop probability per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>p</th><td>0.05</td><td>0.10</td><td>0.20</td><td>0.35</td><td>0.50</td></tr>
 * </table>
 */
public final class FrameDrop extends GradedPerturbation {
  private static final double[] DROP_PROBABILITY = {0, 0.05, 0.10, 0.20, 0.35, 0.50};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "frame-drop",
          5,
          "irregular frame timing: frames dropped at random and the previous frame repeated",
          s -> "p(drop)=" + DROP_PROBABILITY[s] + " per frame, frame 0 always kept",
          FrameDrop::new);


  private FrameDrop(int severity) {
    super(SPEC.name(), severity);
  }

  /**
   * For every frame of a {@code frames}-long clip, the index of the frame shown in its place at
   * this severity with {@code seed}: itself when kept, the latest kept frame before it when dropped.
   */
  int[] shownFrames(int frames, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] shown = new int[frames];
    for (int t = 1; t < frames; t++) {
      shown[t] = random.nextDouble() < DROP_PROBABILITY[severity()] ? shown[t - 1] : t;
    }
    return shown;
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    SectorPixels sector = SectorPixels.of(mask);
    int[] shown = shownFrames(clip.frames(), seed);
    int plane = clip.planeSize();
    float[] in = clip.data();
    float[] out = in.clone();
    for (int c = 0; c < clip.channels(); c++) {
      for (int t = 0; t < clip.frames(); t++) {
        if (shown[t] != t) {
          int to = (c * clip.frames() + t) * plane;
          int from = (c * clip.frames() + shown[t]) * plane;
          for (int i = 0; i < sector.count(); i++) {
            out[to + sector.pixel(i)] = in[from + sector.pixel(i)];
          }
        }
      }
    }
    return clip.withData(out);
  }
}
