package echobench.models.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.TokenGrid;
import echobench.models.encoder.TubeletEmbedding;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.AdamW;
import echobench.models.nn.Gradients;
import echobench.models.nn.LrSchedule;
import echobench.models.nn.NamedArrays;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.StepScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pixel-reconstruction control (VideoMAE): tube masking hides {@code mask_ratio} of the spatial
 * positions in every frame, the encoder sees the visible tubelets only, a narrow decoder with a mask
 * token predicts the pixels of the hidden tubelets, and the loss is the mean squared error against
 * those pixels normalised per tubelet and channel ({@code (x − mean)/(std + 1e-6)} over the
 * tubelet's {@code t·p·p} values, on {@code [0,1]} pixels). Same encoder, optimiser and schedule as
 * the JEPA run it is compared with.
 */
public final class MaePretrainer implements Pretrainer {
  private final PretrainConfig config;
  private final NDManager manager;
  private final VisionTransformer encoder;
  private final TokenPredictor decoder;
  private final AdamW optimiser;
  private final LrSchedule lrSchedule;
  private final List<NDArray> trainable;
  private final List<NDArray> everything = new ArrayList<>();
  private final Map<TokenGrid, TubeMasks> masks = new ConcurrentHashMap<>();
  private final InputSpec inputSpec;

  /** A fresh MAE run for {@code config} with parameters on {@code device}. */
  public MaePretrainer(PretrainConfig config, Device device) {
    this.config = config;
    this.manager = NDManager.newBaseManager(device);
    ParameterFactory factory = new ParameterFactory(manager, config.seed());
    VitConfig vit = config.encoderConfig();
    this.encoder = new VisionTransformer(factory, vit);
    this.decoder =
        new TokenPredictor(factory, "decoder", vit.embedDim(), config.predictor(), vit.tokenValues(), 1);
    Map<String, NDArray> optimised = new LinkedHashMap<>(NamedArrays.prefixed("encoder.", encoder.parameters()));
    optimised.putAll(NamedArrays.prefixed("decoder.", decoder.parameters()));
    this.optimiser = new AdamW(optimised, config.weightDecay());
    this.trainable = new ArrayList<>(optimised.values());
    this.lrSchedule = config.lrSchedule();
    this.inputSpec = encoder.inputSpec();
    everything.addAll(trainable);
    everything.addAll(optimiser.stateArrays());
  }

  @Override
  @SuppressWarnings("try") // the scope only owns what the step creates
  public StepOutcome step(NDArray clips, long step) {
    int batch = (int) clips.getShape().get(0);
    TokenGrid grid = encoder.gridOf(clips);
    TokenMask mask =
        masks
            .computeIfAbsent(grid, g -> new TubeMasks(g, config.maskRatio(), config.seed()))
            .sample(batch, step);
    double lr = lrSchedule.at(step);
    float loss;
    try (StepScope scope = StepScope.open(manager, everything, List.of(clips))) {
      NDArray targets = pixelTargets(clips, mask.target());
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray context = encoder.forward(clips, mask.context());
        NDArray predicted = decoder.forward(context, mask.context(), mask.target(), 0, grid);
        NDArray mse = predicted.sub(targets).square().mean();
        collector.backward(mse);
        loss = mse.getFloat();
      }
      if (config.gradClip() > 0) {
        Gradients.clipByGlobalNorm(trainable, config.gradClip());
      }
      optimiser.step(lr);
    }
    return new StepOutcome(step, loss, lr, Double.NaN);
  }

  /** The per-tubelet, per-channel normalised {@code [0,1]} pixels of the hidden tubelets. */
  NDArray pixelTargets(NDArray clips, int[][] hidden) {
    NDManager m = clips.getManager();
    NDArray std = m.create(inputSpec.std(), new Shape(1, 3, 1, 1, 1)).div(inputSpec.pixelScale());
    NDArray mean = m.create(inputSpec.mean(), new Shape(1, 3, 1, 1, 1)).div(inputSpec.pixelScale());
    NDArray pixels = clips.mul(std).add(mean);
    VitConfig vit = encoder.config();
    NDArray tubelets =
        VisionTransformer.selectTokens(
            TubeletEmbedding.tubelets(pixels, vit.tubelet(), vit.patch()), hidden);
    Shape s = tubelets.getShape();
    NDArray perChannel = tubelets.reshape(s.get(0), s.get(1), 3, s.get(2) / 3);
    NDArray centred = perChannel.sub(perChannel.mean(new int[] {-1}, true));
    NDArray sd = centred.square().mean(new int[] {-1}, true).sqrt();
    return centred.div(sd.add(1e-6f)).reshape(s);
  }

  @Override
  public VisionTransformer exportedEncoder() {
    return encoder;
  }

  @Override
  public Map<String, NDArray> trainingState() {
    Map<String, NDArray> state = new LinkedHashMap<>();
    state.putAll(NamedArrays.prefixed("encoder.", encoder.parameters()));
    state.putAll(NamedArrays.prefixed("decoder.", decoder.parameters()));
    state.putAll(NamedArrays.prefixed("optimiser.", optimiser.state()));
    return state;
  }

  @Override
  public void restore(Map<String, NDArray> state, long completedSteps) {
    encoder.load(NamedArrays.underPrefix("encoder.", state));
    decoder.load(NamedArrays.underPrefix("decoder.", state));
    optimiser.loadState(NamedArrays.underPrefix("optimiser.", state), completedSteps);
  }

  @Override
  public void close() {
    optimiser.close();
    manager.close();
  }
}
