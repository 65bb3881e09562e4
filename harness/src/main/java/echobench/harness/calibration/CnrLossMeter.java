package echobench.harness.calibration;

import echobench.harness.MaskChoice;
import echobench.harness.data.EchoView;
import echobench.harness.synth.CardiacRegions;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.EchoSimulator;
import echobench.harness.synth.SimulatedEcho;
import echobench.harness.synth.Subject;
import echobench.perturb.Clip;
import echobench.perturb.Perturbation;
import echobench.perturb.ScanMask;
import echobench.perturb.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures how much of the cavity–myocardium {@link ContrastToNoise contrast-to-noise ratio} a
 * perturbation takes away, on a fixed set of simulated adult apical four-chamber clips: the CNR
 * loss {@code 1 − CNR_perturbed / CNR_clean}, averaged over the clips and over the family's random
 * draws. Each clip is perturbed on its family's default mask ({@link MaskChoice#defaultFor}). A
 * family whose output depends on its seed (a shadow's place, the gain direction, speckle) is
 * applied with {@code draws} seeds per clip, {@link Seeds#forVideo} of the clip's id and the draw's
 * number, the same at every strength; the mean then estimates the loss expected over the draws,
 * not the luck of one draw per clip. A family that gives the same output for two seeds is applied
 * once.
 */
final class CnrLossMeter {
  /** Time the frames of a clip span, seconds. */
  static final double SPAN_SECONDS = 0.64;

  private final List<Item> items;
  private final long drawSeed;
  private final int draws;

  /** One simulated clip with its regions, clean CNR and the masks it is perturbed on. */
  private record Item(String id, Clip clip, CardiacRegions regions, double cleanCnr,
      Map<MaskChoice, ScanMask> masks) {}

  private CnrLossMeter(List<Item> items, long drawSeed, int draws) {
    this.items = items;
    this.drawSeed = drawSeed;
    this.draws = draws;
  }

  /**
   * Simulates {@code clips} adult A4C clips of {@code size}² pixels and {@code frames} frames
   * spread over {@value #SPAN_SECONDS} s (the span of a study's 16 frames at step 2 from 50 fps)
   * from {@code clipSeed}, to be perturbed with
   * {@code draws} seeds per clip derived from {@code drawSeed}. Clip {@code i} is called {@code
   * clip-i} whatever the clip seed, so two meters with the same draw seed give their clips the
   * same draws (common random numbers): a held-out set then differs from the calibration set in
   * its hearts and acquisitions only, not in the luck of the draws.
   */
  static CnrLossMeter simulate(int clips, int size, int frames, long clipSeed, long drawSeed,
      int draws) {
    EchoSimulator simulator = new EchoSimulator(size, frames, frames / SPAN_SECONDS);
    List<Item> items = new ArrayList<>(clips);
    for (int i = 0; i < clips; i++) {
      String id = "clip-" + i;
      SplittableRandom random = new SplittableRandom(Seeds.derive(clipSeed, "calibration", id));
      Subject subject = Cohort.ADULT.drawSubject(id, random);
      SimulatedEcho echo = simulator.simulate(subject,
          Cohort.ADULT.drawAcquisition(subject, EchoView.A4C, random));
      CardiacRegions regions = echo.regions();
      Map<MaskChoice, ScanMask> masks = new EnumMap<>(MaskChoice.class);
      for (MaskChoice choice : MaskChoice.values()) {
        masks.put(choice, choice.maskFor(echo.clip()));
      }
      items.add(new Item(id, echo.clip(), regions, ContrastToNoise.of(echo.clip(), regions),
          masks));
    }
    return new CnrLossMeter(items, drawSeed, draws);
  }

  /** Number of clips measured. */
  int clips() {
    return items.size();
  }

  /** The mean CNR loss of {@code perturbation}, a member of {@code family}, over the clips. */
  double loss(String family, Perturbation perturbation) {
    return Arrays.stream(perClip(family, perturbation)).average().orElseThrow();
  }

  /** The CNR loss of {@code perturbation} on each clip, averaged over the clip's draws. */
  private double[] perClip(String family, Perturbation perturbation) {
    MaskChoice choice = MaskChoice.defaultFor(family);
    int perClip = isRandom(family, perturbation, choice) ? draws : 1;
    double[] losses = new double[items.size()];
    for (int i = 0; i < losses.length; i++) {
      Item item = items.get(i);
      double sum = 0;
      for (int d = 0; d < perClip; d++) {
        Clip perturbed = perturbation.apply(item.clip(), item.masks().get(choice),
            Seeds.forVideo(drawSeed, item.id() + "#" + d, family));
        sum += 1 - ContrastToNoise.of(perturbed, item.regions()) / item.cleanCnr();
      }
      losses[i] = sum / perClip;
    }
    return losses;
  }

  /** Whether two seeds give {@code perturbation} different outputs on the first clip. */
  private boolean isRandom(String family, Perturbation perturbation, MaskChoice choice) {
    Item first = items.get(0);
    ScanMask mask = first.masks().get(choice);
    return !Arrays.equals(
        perturbation.apply(first.clip(), mask, Seeds.forVideo(drawSeed, "a", family)).data(),
        perturbation.apply(first.clip(), mask, Seeds.forVideo(drawSeed, "b", family)).data());
  }
}
