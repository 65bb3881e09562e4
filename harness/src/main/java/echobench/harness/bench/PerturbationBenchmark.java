package echobench.harness.bench;

import echobench.perturb.Clip;
import echobench.perturb.Perturbation;
import echobench.perturb.PerturbationSpec;
import echobench.perturb.ScanMask;
import echobench.perturb.SectorGeometry;
import echobench.perturb.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Single-thread throughput of perturbations: for each clip size, the {@link MultiplyReference} and
 * then every given perturbation family at its highest severity (its most expensive setting), on a
 * {@link BenchmarkClip} with EchoJEPA's geometric sector mask. Perturbations write into one output
 * buffer reused across iterations ({@link Perturbation#applyInto}), as the study pipeline does.
 * {@link #fanFit} times fitting the fan ({@link ScanMask#automatic}) on the same kind of clip.
 */
public final class PerturbationBenchmark {
  private static final long CLIP_SEED = 20_240_601L;

  /** The name {@link #fanFit} reports. */
  public static final String FAN_FIT = "fan-fit";
  /** The clip {@code bench perturb} fits a fan to: a scanner export's 64 frames of 582×582. */
  public static final ClipSize FAN_FIT_SIZE = new ClipSize(64, 582, 582);

  private final ThroughputMeter meter;

  public PerturbationBenchmark(BenchSettings settings) {
    this.meter = new ThroughputMeter(settings);
  }

  /**
   * Measures every family of {@code specs} at every size, reporting each result to {@code onResult}
   * as soon as it is measured.
   */
  public List<Throughput> run(
      List<PerturbationSpec> specs, List<ClipSize> sizes, Consumer<Throughput> onResult) {
    List<Throughput> results = new ArrayList<>();
    for (ClipSize size : sizes) {
      int h = size.height();
      int w = size.width();
      ScanMask mask = ScanMask.sector(h, w, SectorGeometry.echoJepaDefault(h, w));
      Clip clip = BenchmarkClip.create(size.frames(), h, w, mask, CLIP_SEED);
      MultiplyReference reference = new MultiplyReference(clip, mask);
      record(results, onResult,
          meter.measure(MultiplyReference.NAME, size.toString(), size.voxels(),
              () -> reference.apply(clip)));
      float[] output = new float[clip.data().length];
      for (PerturbationSpec spec : specs) {
        Perturbation perturbation = spec.at(spec.maxSeverity());
        long seed = Seeds.forVideo(0, clip.sourceId(), spec.name());
        record(results, onResult,
            meter.measure(spec.name(), size.toString(), size.voxels(),
                () -> perturbation.applyInto(clip, mask, seed, output)));
      }
    }
    return results;
  }

  /**
   * Times fitting the fan of a {@link BenchmarkClip} of {@code size} drawn in EchoJEPA's geometric
   * sector; the rate counts the clip's voxels, so one fit takes {@code voxels / rate} seconds.
   */
  public Throughput fanFit(ClipSize size) {
    int h = size.height();
    int w = size.width();
    ScanMask fan = ScanMask.sector(h, w, SectorGeometry.echoJepaDefault(h, w));
    Clip clip = BenchmarkClip.create(size.frames(), h, w, fan, CLIP_SEED);
    return meter.measure(FAN_FIT, size.toString(), size.voxels(), () -> {
      ScanMask.automatic(clip);
      return clip;
    });
  }

  private static void record(
      List<Throughput> results, Consumer<Throughput> onResult, Throughput throughput) {
    results.add(throughput);
    onResult.accept(throughput);
  }
}
