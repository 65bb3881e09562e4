package echobench.harness.video;

import echobench.perturb.Clip;
import echobench.perturb.GradedPerturbation;
import echobench.perturb.PerturbationFamily;
import echobench.perturb.PerturbationSpec;
import echobench.perturb.ScanMask;

/**
 * {@code codec-h264}: the clip decoded, encoded as H.264 and decoded again ({@link H264RoundTrip}),
 * the codec pass that EchoJEPA's perturbation scripts put into every perturbed video (libx264, crf
 * 18, {@code yuv420p}) while its clean videos stayed the original files. Alone it is the null
 * control for that pass; the study option {@code reencode: h264} appends it at severity 1 to every
 * perturbed condition.
 *
 * <p>Severity 1 matches the quality of libx264 crf 18 (preset fast) by PSNR on the simulator's
 * 112×112 clips, EchoNet-Dynamic's size; higher severities raise the quantiser to visible blocking
 * (measurements in {@code docs/codec.md}). A codec has no notion of a scan mask: the whole frame is
 * encoded and every pixel may change, inside the sector or not. No random draw: the seed is
 * ignored and the output is bit-identical for the same clip.
 *
 * <table>
 *   <caption>OpenH264 quantiser per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>QP</th><td>28</td><td>33</td><td>38</td><td>43</td><td>48</td></tr>
 * </table>
 */
public final class CodecH264 extends GradedPerturbation {
  private static final int[] QP = {0, 28, 33, 38, 43, 48};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "codec-h264",
          QP.length - 1,
          "decode, H.264 encode (4:2:0), decode: severity 1 = the quality of EchoJEPA's libx264"
              + " crf 18 re-encode; whole frame",
          s -> "OpenH264 constant QP=" + QP[s] + " (qmin=qmax), yuv420p, whole frame",
          CodecH264::new);

  private final H264RoundTrip roundTrip = H264RoundTrip.inSystemTemporaryFolder();

  private CodecH264(int severity) {
    super(SPEC.name(), severity);
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    return roundTrip.apply(clip, QP[severity()]);
  }

  /** Registers {@code codec-h264} with the perturbation registry (see {@link PerturbationFamily}). */
  public static final class Family implements PerturbationFamily {
    @Override
    public PerturbationSpec spec() {
      return SPEC;
    }
  }
}
