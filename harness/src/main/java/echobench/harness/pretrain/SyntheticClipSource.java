package echobench.harness.pretrain;

import echobench.harness.data.EchoNetPediatricDataset;
import echobench.harness.data.EchoView;
import echobench.harness.synth.Acquisition;
import echobench.harness.synth.AcquisitionVariability;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.EchoSimulator;
import echobench.harness.synth.Subject;
import echobench.harness.video.Quantisation;
import echobench.models.pretrain.ClipShape;
import echobench.models.pretrain.ClipSource;
import echobench.perturb.Seeds;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Unlabelled clips of a synthetic cohort simulated in memory for pretraining: one grey clip of
 * {@code frames} frames at {@code resolution}² per subject, the subjects' views taken in turn (adult:
 * A4C, A2C, PLAX, PSAX; pediatric: A4C, PSAX). Clips are held as 8-bit levels, the values a lossless
 * video of them would hold, so 16×112² frames take 200 KB a clip.
 *
 * <p><b>Kept apart from evaluation.</b> {@code echobench synth --seed S} draws subject {@code i}
 * from {@code derive(S, "subject", i)}. A pretraining cohort with seed {@code s} first derives its
 * own cohort seed {@code derive(s, "pretraining", cohort)} and draws its subjects from that, so it
 * shares no subject (body, heart, acquisition, speckle) with any evaluation cohort written with a
 * plain seed, the same {@code s} included: pretraining never sees the evaluation splits.
 *
 * <p>Scanner settings vary from clip to clip or are held at their nominal values ({@link
 * AcquisitionVariability}); the description names that and the simulator's revision
 * ({@link EchoSimulator#REVISION}), so a checkpoint's provenance says which clips it saw.
 *
 * <p>Frames are simulated at {@value #FPS} frames per second: the rate an encoder sees when the
 * 50-fps cohorts of {@code echobench synth} are sampled at the study's frame step of 2.
 */
public final class SyntheticClipSource implements ClipSource {
  /** Subjects simulated when the config asks for all clips ({@code data.clips: 0}). */
  public static final int DEFAULT_SUBJECTS = 1000;

  /** Frames per second of the simulated clips. */
  public static final double FPS = 25;

  private final Cohort cohort;
  private final long seed;
  private final AcquisitionVariability variability;
  private final ClipShape shape;
  private final byte[][] levels;

  private SyntheticClipSource(Cohort cohort, long seed, AcquisitionVariability variability,
      ClipShape shape, byte[][] levels) {
    this.cohort = cohort;
    this.seed = seed;
    this.variability = variability;
    this.shape = shape;
    this.levels = levels;
  }

  /**
   * Simulates {@code subjects} subjects of {@code cohort} (in parallel; the result does not depend
   * on the number of threads).
   *
   * @param seed the pretraining cohort's seed ({@code data.seed})
   * @param variability whether the scanner settings vary from clip to clip
   */
  public static SyntheticClipSource simulate(Cohort cohort, int subjects, long seed, int frames,
      int resolution, AcquisitionVariability variability) {
    if (subjects < 1) {
      throw new IllegalArgumentException("need at least one subject, not " + subjects);
    }
    long cohortSeed = cohortSeed(seed, cohort);
    EchoSimulator simulator = new EchoSimulator(resolution, frames, FPS);
    List<EchoView> views = views(cohort);
    byte[][] levels = new byte[subjects][];
    IntStream.range(0, subjects).parallel().forEach(i -> {
      String index = Integer.toString(i);
      String id = String.format(Locale.ROOT, "pretrain-%s-%06d", cohort.name(), i);
      Subject subject = cohort.drawSubject(
          id, new SplittableRandom(Seeds.derive(cohortSeed, "subject", index)));
      EchoView view = views.get(i % views.size());
      Acquisition acquisition = cohort.drawAcquisition(subject, view,
          new SplittableRandom(Seeds.derive(cohortSeed, "acquisition", index, view.name())),
          variability);
      levels[i] = toLevels(simulator.simulate(subject, acquisition).clip().data());
    });
    return new SyntheticClipSource(cohort, seed, variability,
        new ClipShape(1, frames, resolution, resolution), levels);
  }

  /** The seed a pretraining cohort draws its subjects from, never a plain evaluation seed. */
  static long cohortSeed(long seed, Cohort cohort) {
    return Seeds.derive(seed, "pretraining", cohort.name());
  }

  private static List<EchoView> views(Cohort cohort) {
    return cohort == Cohort.PEDIATRIC ? EchoNetPediatricDataset.VIEWS : List.of(EchoView.values());
  }

  private static byte[] toLevels(float[] data) {
    byte[] out = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = (byte) Quantisation.toLevel(data[i]);
    }
    return out;
  }

  @Override
  public int size() {
    return levels.length;
  }

  @Override
  public ClipShape shape() {
    return shape;
  }

  @Override
  public void fill(int index, float[] destination) {
    byte[] clip = levels[index];
    for (int i = 0; i < clip.length; i++) {
      destination[i] = Quantisation.toUnit(clip[i] & 0xFF);
    }
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "synthetic-%s cohort, %d subjects, seed %d (pretraining seed"
            + " derived apart from evaluation cohorts), %d frames of %d² at %.0f fps, acquisition"
            + " %s, simulator revision %d",
        cohort.name(), levels.length, seed, shape.frames(), shape.width(), FPS,
        variability.key(), EchoSimulator.REVISION);
  }
}
