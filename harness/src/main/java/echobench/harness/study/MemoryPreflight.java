package echobench.harness.study;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import echobench.harness.data.Sample;
import echobench.harness.video.VideoInfo;
import echobench.harness.video.VideoReader;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.reports.io.InputException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The memory one batch of a study needs, estimated before any video is decoded from the config
 * and each video's declared size, against the memory there is (DESIGN §8). A study that cannot fit
 * is refused in one line naming the config, or the video that makes the batch too large.
 *
 * <p>The estimate, in bytes, with {@code C} = {@value FeaturePass#CHUNK} samples decoded together,
 * {@code V} videos per sample (1, or the views of a multi-view task), {@code B} = {@value
 * StudyEncoder#BATCH} clips per forward pass, {@code K} clips per video, and for a video {@code P}
 * = frames × height × width and {@code c} = 1 (grey) or 3 (colour):
 *
 * <ul>
 *   <li>heap = 4·Σ<sub>C·V largest videos</sub> c·P (a decoded chunk) + max (4c + 3)·P (the
 *       perturbed copy and the decoding buffer of the largest) + Σ<sub>clip sizes</sub>
 *       4·C·V·K·3·f·r² (the chunk's clips, f frames of r×r) + Σ<sub>encoders</sub> 8·C·V·K·N·D (the
 *       chunk's tokens, N tokens of width D, held twice) + max<sub>encoder, probe</sub> 4·b·V·K·N·D
 *       (a probe mini-batch of b rows); compared with {@link Runtime#maxMemory()};
 *   <li>native = Σ<sub>encoders</sub> 4·depth·D²·(4 + 2m) (the ViT weights, MLP ratio m) + the
 *       largest of 4·B·(3·f·r² + N·D·(6 + m) + heads·N²) (one forward pass: the input and one
 *       block's activations and attention scores) and, per attentive probe, 4·b·depth·(heads·N² +
 *       10·N·D) (its training step's activations); compared, on a CPU, with the physical memory
 *       less the heap's maximum, and on a GPU with the device's memory.
 * </ul>
 *
 * <p>For an encoder that is not the built-in ViT (TorchScript) only its input and a pooled output
 * (N = 1) are counted. A video that cannot be probed is left to the skip policy of the pass.
 */
final class MemoryPreflight {
  /**
   * The memory a study may use, in bytes.
   *
   * @param heap the JVM heap's maximum
   * @param nativeMemory what the native engine (PyTorch) may allocate
   */
  record Budget(long heap, long nativeMemory) {
    /** The memory of this JVM and machine for {@code device}. */
    static Budget of(Device device) {
      long heap = Runtime.getRuntime().maxMemory();
      return new Budget(heap, nativeMemory(device, heap));
    }

    private static long nativeMemory(Device device, long heap) {
      if (device.isGpu()) {
        try {
          long total = CudaUtils.getGpuMemory(device).getMax();
          return total > 0 ? total : Long.MAX_VALUE;
        } catch (RuntimeException | LinkageError e) {
          return Long.MAX_VALUE;
        }
      }
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        return Math.max(0, os.getTotalMemorySize() - heap);
      }
      return Long.MAX_VALUE;
    }
  }

  /**
   * What one encoder's batch is made of.
   *
   * @param model the model's name in the config
   * @param frames frames per clip
   * @param resolution side of a clip's frames
   * @param clips clips per video
   * @param tokens tokens per clip
   * @param width token width
   * @param depth transformer blocks (0 when unknown)
   * @param heads attention heads per block (0 when unknown)
   * @param mlpRatio MLP width as a multiple of the token width
   */
  record EncoderShape(String model, int frames, int resolution, int clips, long tokens, int width,
      int depth, int heads, double mlpRatio) {
    /** The shape of a loaded encoder. */
    static EncoderShape of(StudyEncoder encoder) {
      ClipSampler sampler = encoder.sampler();
      if (encoder.encoder() instanceof VisionTransformer vit) {
        VitConfig c = vit.config();
        long tokens = c.grid(sampler.frames(), sampler.resolution(), sampler.resolution()).size();
        return new EncoderShape(encoder.name(), sampler.frames(), sampler.resolution(),
            sampler.clips(), tokens, c.embedDim(), c.depth(), c.heads(), c.mlpRatio());
      }
      return new EncoderShape(encoder.name(), sampler.frames(), sampler.resolution(),
          sampler.clips(), 1, encoder.encoder().embedDim(), 0, 0, 0);
    }

    private long clipBytes() {
      return 4L * 3 * frames * resolution * resolution;
    }
  }

  /**
   * A probe's mini-batch.
   *
   * @param batch rows per mini-batch
   * @param depth attentive blocks (0 for a probe without attention)
   * @param heads attention heads (0 for a probe without attention)
   */
  record ProbeShape(int batch, int depth, int heads) {
    /** The shape of a probe that reads one row at a time without attention (k-NN). */
    static final ProbeShape ONE_ROW = new ProbeShape(1, 0, 0);
  }

  /** A video and its declared size. */
  record VideoSize(Path file, VideoInfo info) {
    long pixels() {
      return (long) info.frames() * info.width() * info.height();
    }

    int channels() {
      return info.grey() ? 1 : 3;
    }

    long decodedBytes() {
      return 4L * channels() * pixels();
    }
  }

  /**
   * The estimate of one batch.
   *
   * @param configHeap heap bytes of the clips, tokens and probe mini-batch
   * @param videoHeap heap bytes of a chunk of the largest videos
   * @param nativeBytes native bytes of the weights and the largest forward or training step
   * @param largest the largest video, or null when none could be probed
   */
  record Estimate(long configHeap, long videoHeap, long nativeBytes, VideoSize largest) {
    long heap() {
      return configHeap + videoHeap;
    }
  }

  private final Budget budget;

  /** A preflight against {@code budget}. */
  MemoryPreflight(Budget budget) {
    this.budget = budget;
  }

  /**
   * Refuses the study of {@code configFile} when one batch cannot fit in the budget.
   *
   * @throws InputException naming the config, or the video whose size makes the batch too large
   */
  void check(Path configFile, Collection<StudyDataset> datasets, List<StudyEncoder> encoders,
      List<ProbeSpec> probes) {
    int views = datasets.stream().flatMap(d -> d.samples().stream())
        .mapToInt(s -> s.videos().size()).max().orElse(1);
    check(configFile, videos(datasets), encoders.stream().map(EncoderShape::of).toList(),
        probes.stream().map(ProbeSpec::batchShape).toList(), views);
  }

  /** {@link #check(Path, Collection, List, List)} on shapes already known. */
  void check(Path configFile, List<VideoSize> videos, List<EncoderShape> encoders,
      List<ProbeShape> probes, int views) {
    Estimate estimate = estimate(videos, encoders, probes, views);
    if (estimate.nativeBytes() > budget.nativeMemory()) {
      throw new InputException(configFile + ": one batch needs about "
          + size(estimate.nativeBytes()) + " of native memory (weights, forward pass and probe"
          + " training) but about " + size(budget.nativeMemory()) + " is free for it; lower"
          + " sampling frames, resolution or a probe's batch, or use a smaller encoder");
    }
    if (estimate.configHeap() > budget.heap()) {
      throw new InputException(configFile + ": one batch's clips and tokens need about "
          + size(estimate.configHeap()) + " of heap but the JVM may use " + size(budget.heap())
          + "; lower sampling frames, resolution or clips or a probe's batch, or raise -Xmx");
    }
    if (estimate.heap() > budget.heap()) {
      VideoSize v = estimate.largest();
      throw new InputException(v.file() + ": " + v.info().frames() + " frames of "
          + v.info().width() + "×" + v.info().height() + (v.channels() == 1 ? " grey" : " colour")
          + " decode to " + size(v.decodedBytes()) + "; with the study's batches ("
          + FeaturePass.CHUNK * views + " videos at a time) that is about "
          + size(estimate.heap())
          + " of heap, more than the " + size(budget.heap()) + " the JVM may use; raise -Xmx"
          + " or leave the video out");
    }
  }

  /** The estimate of one batch (see the class comment for the formula). */
  static Estimate estimate(List<VideoSize> videos, List<EncoderShape> encoders,
      List<ProbeShape> probes, int views) {
    List<VideoSize> bySize = new ArrayList<>(videos);
    bySize.sort(Comparator.comparingLong(VideoSize::decodedBytes).reversed()
        .thenComparing(VideoSize::file));
    long chunk = 0;
    for (VideoSize v : bySize.subList(0, Math.min(FeaturePass.CHUNK * views, bySize.size()))) {
      chunk += v.decodedBytes();
    }
    long working = 0;
    for (VideoSize v : bySize) {
      working = Math.max(working, (4L * v.channels() + 3) * v.pixels());
    }
    long clips = 0;
    long tokens = 0;
    long probeBatch = 0;
    long weights = 0;
    long step = 0;
    Set<List<Integer>> clipSizes = new LinkedHashSet<>();
    for (EncoderShape e : encoders) {
      if (clipSizes.add(List.of(e.frames(), e.resolution(), e.clips()))) {
        clips += (long) FeaturePass.CHUNK * views * e.clips() * e.clipBytes();
      }
      long perClip = e.tokens() * e.width();
      tokens += 8L * FeaturePass.CHUNK * views * e.clips() * perClip;
      weights += (long) (4.0 * e.depth() * e.width() * e.width() * (4 + 2 * e.mlpRatio()));
      long activations = (long) (e.depth() == 0 ? 0
          : perClip * (6 + e.mlpRatio()) + (double) e.heads() * e.tokens() * e.tokens());
      step = Math.max(step, 4L * StudyEncoder.BATCH * (e.clipBytes() / 4 + activations));
      for (ProbeShape p : probes) {
        probeBatch = Math.max(probeBatch, 4L * p.batch() * views * e.clips() * perClip);
        step = Math.max(step, 4L * p.batch() * p.depth()
            * ((long) p.heads() * e.tokens() * e.tokens() + 10 * perClip));
      }
    }
    return new Estimate(clips + tokens + probeBatch, chunk + working, weights + step,
        bySize.isEmpty() ? null : bySize.get(0));
  }

  /** The declared size of every video of {@code datasets} that can be probed. */
  private static List<VideoSize> videos(Collection<StudyDataset> datasets) {
    List<VideoSize> videos = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (StudyDataset dataset : datasets) {
      for (Sample sample : dataset.samples()) {
        for (Path file : sample.videos()) {
          if (seen.add(file)) {
            try {
              videos.add(new VideoSize(file, VideoReader.probe(file)));
            } catch (InputException e) {
              // An unreadable video is skipped by the pass (max_skip_fraction), not refused here.
            }
          }
        }
      }
    }
    return videos;
  }

  /** Bytes in binary units, three significant digits. */
  static String size(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.3g %s", value, units[unit]);
  }
}
