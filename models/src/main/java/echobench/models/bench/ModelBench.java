package echobench.models.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.models.bench.BenchResults.Inference;
import echobench.models.bench.BenchResults.MatmulCeiling;
import echobench.models.bench.BenchResults.Report;
import echobench.models.bench.BenchResults.Training;
import echobench.models.encoder.TokenGrid;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.StepScope;
import echobench.models.pretrain.JepaPretrainer;
import echobench.models.pretrain.MaskSpec;
import echobench.models.pretrain.MultiblockMasks;
import echobench.models.pretrain.PredictorSpec;
import echobench.models.pretrain.PretrainConfig;
import echobench.models.pretrain.RandomResizedCrop;
import echobench.models.pretrain.TokenMask;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the models' throughput on this machine: JEPA training steps and inference clips per
 * second for given ViT sizes at {@code frames×resolution²} (16×112² by default), the achieved GFLOP/s
 * of each from {@link MatmulFlops}, and DJL's large-matmul GFLOP/s as the practical ceiling. Inputs
 * are random: throughput does not depend on content.
 */
public final class ModelBench {
  /** The benchmark's default clip: 16 frames of 112×112 pixels. */
  public static final int FRAMES = 16;

  /** The benchmark's default resolution. */
  public static final int RESOLUTION = 112;

  private final Device device;
  private final int frames;
  private final int resolution;

  /** A bench on {@code device} at the default clip size. */
  public ModelBench(Device device) {
    this(device, FRAMES, RESOLUTION);
  }

  /** A bench on {@code device} with clips of {@code frames×resolution²}. */
  public ModelBench(Device device, int frames, int resolution) {
    this.device = device;
    this.frames = frames;
    this.resolution = resolution;
  }

  /** Runs the ceiling, then training and inference for each size. */
  public Report run(List<String> sizes, int batch, int repeats) {
    MatmulCeiling ceiling = ceiling(2048, Math.max(3, repeats));
    List<Training> training = new ArrayList<>();
    List<Inference> inference = new ArrayList<>();
    for (String size : sizes) {
      training.add(training(size, batch, repeats, ceiling));
      inference.add(inference(size, batch, repeats, ceiling));
    }
    return new Report(device.toString(), frames, resolution, ceiling, training, inference);
  }

  /** The GFLOP/s of {@code repeats} products of two {@code n×n} float32 matrices (after a warm-up). */
  public MatmulCeiling ceiling(int n, int repeats) {
    try (NDManager m = NDManager.newBaseManager(device)) {
      NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
      NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
      a.matMul(b).getFloat(0, 0);
      long start = System.nanoTime();
      for (int i = 0; i < repeats; i++) {
        try (NDArray c = a.matMul(b)) {
          c.getFloat(0, 0);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new MatmulCeiling(n, 2.0 * n * n * n * repeats / seconds / 1e9);
    }
  }

  /** The predictor used for a size's training benchmark: half the encoder width, 32-wide heads. */
  public static PredictorSpec benchPredictor(VitConfig c) {
    int width = c.embedDim() / 2;
    return new PredictorSpec(width, 4, Math.max(1, width / 32));
  }

  /** JEPA training steps of {@code size} with V-JEPA's masks (after one warm-up step). */
  public Training training(String size, int batch, int steps, MatmulCeiling ceiling) {
    VitConfig vit = VitConfig.named(size).withInput(frames, resolution);
    PredictorSpec predictor = benchPredictor(vit);
    PretrainConfig config =
        new PretrainConfig(
            PretrainConfig.JEPA, size, vit.tubelet(), vit.patch(), frames, resolution, predictor,
            MaskSpec.VJEPA, 0.9, batch, steps + 1, 0, 1e-4, 1e-4, 1e-4, 0.04, 10.0, 0.998, 1.0,
            RandomResizedCrop.ECHOJEPA, steps + 1, 0, null);
    TokenGrid grid = vit.defaultGrid();
    MultiblockMasks masks = new MultiblockMasks(grid, MaskSpec.VJEPA, config.seed());
    try (JepaPretrainer jepa = new JepaPretrainer(config, device);
        NDManager m = NDManager.newBaseManager(device)) {
      NDArray clips = m.randomNormal(new Shape(batch, 3, frames, resolution, resolution));
      jepa.step(clips, 0);
      double flops = 0;
      long start = System.nanoTime();
      for (int s = 1; s <= steps; s++) {
        jepa.step(clips, s);
        List<TokenMask> used = masks.sample(batch, s);
        int[] contexts = used.stream().mapToInt(TokenMask::contextCount).toArray();
        int[] targets = used.stream().mapToInt(TokenMask::targetCount).toArray();
        flops += MatmulFlops.jepaStep(vit, predictor, batch, grid.size(), contexts, targets);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double gflops = flops / seconds / 1e9;
      return new Training(
          size, batch, grid.size(), steps / seconds, flops / steps / 1e9, gflops, gflops / ceiling.gflops());
    }
  }

  /** Forward passes of {@code size} on batches of {@code batch} clips (after one warm-up pass). */
  public Inference inference(String size, int batch, int repeats, MatmulCeiling ceiling) {
    VitConfig vit = VitConfig.named(size).withInput(frames, resolution);
    try (NDManager m = NDManager.newBaseManager(device)) {
      VisionTransformer encoder = new VisionTransformer(new ParameterFactory(m, 0), vit);
      encoder.setTrainable(false);
      double seconds = 0;
      for (int r = 0; r <= repeats; r++) {
        try (StepScope scope = StepScope.open(m, encoder.parameterArrays())) {
          NDArray clips = scope.manager().randomNormal(new Shape(batch, 3, frames, resolution, resolution));
          long start = System.nanoTime();
          encoder.encode(clips).getFloat(0, 0, 0);
          if (r > 0) {
            seconds += (System.nanoTime() - start) / 1e9;
          }
        }
      }
      double flops = repeats * MatmulFlops.inference(vit, batch, vit.defaultGrid().size());
      double gflops = flops / seconds / 1e9;
      return new Inference(size, batch, repeats * batch / seconds, gflops, gflops / ceiling.gflops());
    }
  }
}
