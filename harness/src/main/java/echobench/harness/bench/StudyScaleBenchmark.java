package echobench.harness.bench;

import ai.djl.ndarray.NDManager;
import echobench.models.probe.FeatureLayout;
import echobench.models.probe.FeatureSample;
import echobench.models.probe.FeatureStore;
import echobench.models.probe.LinearProbe;
import echobench.models.probe.ProbeTask;
import echobench.models.probe.ProbeTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How a study's feature-store and probe stages grow with the number of videos: N synthetic videos
 * go through an encoder stand-in into a TRAIN and a VAL {@link FeatureStore} (stage {@code
 * encode+store}), then a linear probe is fitted by streaming them (stage {@code linear-probe}).
 * Each stage reports its wall time, the process's peak resident memory during it and the bytes
 * on disk.
 *
 * <p>The stand-in is cheap but emits tokens of a real encoder's shape: each clip is {@code tokens}
 * tubelets, each summarised by {@value #SUMMARY} values drawn from the video's seeded generator (the
 * first carrying the label), and every token is the fixed random projection of its tubelet's
 * summary to {@code dim} values. Peak memory is read from {@code VmHWM} of {@code
 * /proc/self/status}, reset before each stage through {@code /proc/self/clear_refs} where the
 * kernel allows (otherwise it is the peak since the process started, which the report says).
 */
public final class StudyScaleBenchmark {
  /** Values summarising one tubelet. */
  static final int SUMMARY = 8;
  /** Share of the videos in the TRAIN split; the rest are VAL. */
  static final double TRAIN_SHARE = 0.8;

  /**
   * One stage at one size.
   *
   * @param videos videos in the study
   * @param stage {@code encode+store} or {@code linear-probe}
   * @param seconds wall time
   * @param peakRssBytes peak resident memory during the stage
   * @param storeBytes bytes of the two store files
   */
  public record Stage(int videos, String stage, double seconds, long peakRssBytes,
      long storeBytes) {}

  /**
   * The whole measurement.
   *
   * @param tokens tokens per clip
   * @param dim token width
   * @param clips clips per video
   * @param dtype how the store keeps values
   * @param peakRssReset whether the peak was reset before each stage (else it is cumulative)
   * @param maxHeapBytes the JVM's heap limit
   * @param stages every stage of every size, in order
   */
  public record Report(int tokens, int dim, int clips, String dtype, boolean peakRssReset,
      long maxHeapBytes, List<Stage> stages) {}

  private final FeatureLayout layout;
  private final FeatureStore.Dtype dtype;
  private final ProbeTraining training;
  private final long seed;
  private final float[][] projection;

  /**
   * @param tokens tokens per clip
   * @param dim token width
   * @param clips clips per video
   * @param dtype how the store keeps values
   * @param training the linear probe's training
   * @param seed seeds the projection and every video
   */
  public StudyScaleBenchmark(int tokens, int dim, int clips, FeatureStore.Dtype dtype,
      ProbeTraining training, long seed) {
    this.layout = new FeatureLayout(1, clips, tokens, dim);
    this.dtype = dtype;
    this.training = training;
    this.seed = seed;
    Random random = new Random(seed);
    projection = new float[SUMMARY][dim];
    for (float[] row : projection) {
      for (int d = 0; d < dim; d++) {
        row[d] = (float) (random.nextGaussian() / Math.sqrt(SUMMARY));
      }
    }
  }

  /** Measures each size in {@code videoCounts} in turn, its stores written under {@code work}. */
  public Report run(List<Integer> videoCounts, Path work) throws IOException {
    boolean reset = resetPeak();
    List<Stage> stages = new ArrayList<>();
    for (int videos : videoCounts) {
      Path train = work.resolve("bench-" + videos + "-train.features");
      Path val = work.resolve("bench-" + videos + "-val.features");
      try {
        resetPeak();
        long start = System.nanoTime();
        writeStores(videos, train, val);
        long bytes = Files.size(train) + Files.size(val);
        stages.add(new Stage(videos, "encode+store", seconds(start), peakRss(), bytes));
        resetPeak();
        start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager();
            FeatureStore trainStore = FeatureStore.open(train, fingerprint(videos, "train"));
            FeatureStore valStore = FeatureStore.open(val, fingerprint(videos, "val"));
            LinearProbe probe = LinearProbe.train(trainStore, valStore, training, manager)) {
          probe.predict(valStore);
        }
        stages.add(new Stage(videos, "linear-probe", seconds(start), peakRss(), bytes));
      } finally {
        Files.deleteIfExists(train);
        Files.deleteIfExists(val);
      }
    }
    return new Report(layout.tokens(), layout.dim(), layout.clips(), dtype.toString(), reset,
        Runtime.getRuntime().maxMemory(), stages);
  }

  private void writeStores(int videos, Path train, Path val) throws IOException {
    int trainCount = (int) Math.round(videos * TRAIN_SHARE);
    try (FeatureStore.Writer trainWriter = FeatureStore.create(train, layout,
            ProbeTask.regression(), dtype, fingerprint(videos, "train"));
        FeatureStore.Writer valWriter = FeatureStore.create(val, layout,
            ProbeTask.regression(), dtype, fingerprint(videos, "val"))) {
      float[] tokens = new float[layout.sampleFloats()];
      float[] summary = new float[SUMMARY];
      for (int v = 0; v < videos; v++) {
        Random random = new Random(seed * 1_000_003L + v);
        float ef = 20 + 55 * random.nextFloat();
        for (int clip = 0; clip < layout.clips(); clip++) {
          for (int t = 0; t < layout.tokens(); t++) {
            summary[0] = (ef - 47.5f) / 16 + 0.3f * (float) random.nextGaussian();
            for (int j = 1; j < SUMMARY; j++) {
              summary[j] = (float) random.nextGaussian();
            }
            project(summary, tokens, layout.offset(0, clip) + t * layout.dim());
          }
        }
        FeatureSample sample = FeatureSample.of("video-" + v, tokens, ef);
        (v < trainCount ? trainWriter : valWriter).add(sample);
      }
      trainWriter.finish();
      valWriter.finish();
    }
  }

  private void project(float[] summary, float[] into, int at) {
    int dim = layout.dim();
    for (int d = 0; d < dim; d++) {
      into[at + d] = 0;
    }
    for (int j = 0; j < SUMMARY; j++) {
      float s = summary[j];
      float[] row = projection[j];
      for (int d = 0; d < dim; d++) {
        into[at + d] += s * row[d];
      }
    }
  }

  private String fingerprint(int videos, String split) {
    return "bench-study seed " + seed + " videos " + videos + " " + split + " " + layout;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Resets the kernel's peak-resident-memory mark of this process; false where not allowed. */
  static boolean resetPeak() {
    try {
      Files.write(Path.of("/proc/self/clear_refs"), "5".getBytes(StandardCharsets.US_ASCII));
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** {@code VmHWM} of this process in bytes, or -1 where {@code /proc} does not report it. */
  static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
