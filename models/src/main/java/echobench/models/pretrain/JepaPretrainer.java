package echobench.models.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import echobench.models.encoder.TokenGrid;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.AdamW;
import echobench.models.nn.Gradients;
import echobench.models.nn.LayerNorm;
import echobench.models.nn.LrSchedule;
import echobench.models.nn.NamedArrays;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.Scalars;
import echobench.models.nn.StepScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * V-JEPA pretraining: the context encoder sees only the visible tokens of each multiblock mask, a
 * narrow predictor fills learnable mask tokens at the hidden positions, and its output is regressed
 * with an L1 loss onto the layer-normed (no affine) tokens of an EMA target encoder that sees the
 * whole clip. The loss is averaged over the mask configurations; AdamW with warm-up and cosine,
 * global-norm clipping, then the EMA update {@code target ← m·target + (1 − m)·encoder}. The target
 * never receives a gradient.
 */
public final class JepaPretrainer implements Pretrainer {
  private final PretrainConfig config;
  private final NDManager manager;
  private final VisionTransformer encoder;
  private final VisionTransformer targetEncoder;
  private final TokenPredictor predictor;
  private final AdamW optimiser;
  private final LrSchedule lrSchedule;
  private final EmaSchedule emaSchedule;
  private final List<NDArray> trainable;
  private final List<NDArray> everything = new ArrayList<>();
  private final Map<TokenGrid, MultiblockMasks> masks = new ConcurrentHashMap<>();

  /** A fresh JEPA run for {@code config} with parameters on {@code device}. */
  public JepaPretrainer(PretrainConfig config, Device device) {
    this.config = config;
    this.manager = NDManager.newBaseManager(device);
    ParameterFactory factory = new ParameterFactory(manager, config.seed());
    VitConfig vit = config.encoderConfig();
    this.encoder = new VisionTransformer(factory, vit);
    this.targetEncoder = new VisionTransformer(factory, vit);
    targetEncoder.copyFrom(encoder);
    targetEncoder.setTrainable(false);
    this.predictor =
        new TokenPredictor(
            factory, "predictor", vit.embedDim(), config.predictor(), vit.embedDim(), config.masks().size());
    Map<String, NDArray> optimised = new LinkedHashMap<>(NamedArrays.prefixed("encoder.", encoder.parameters()));
    optimised.putAll(NamedArrays.prefixed("predictor.", predictor.parameters()));
    this.optimiser = new AdamW(optimised, config.weightDecay());
    this.trainable = new ArrayList<>(optimised.values());
    this.lrSchedule = config.lrSchedule();
    this.emaSchedule = config.emaSchedule();
    everything.addAll(trainable);
    everything.addAll(targetEncoder.parameterArrays());
    everything.addAll(optimiser.stateArrays());
  }

  @Override
  @SuppressWarnings("try") // the scope only owns what the step creates
  public StepOutcome step(NDArray clips, long step) {
    int batch = (int) clips.getShape().get(0);
    TokenGrid grid = encoder.gridOf(clips);
    List<TokenMask> stepMasks =
        masks
            .computeIfAbsent(grid, g -> new MultiblockMasks(g, config.masks(), config.seed()))
            .sample(batch, step);
    double lr = lrSchedule.at(step);
    double momentum = emaSchedule.at(step);
    float loss;
    try (StepScope scope = StepScope.open(manager, everything, List.of(clips))) {
      // Outside the collector: no graph, so nothing can flow back into the target encoder.
      NDArray targets = LayerNorm.withoutAffine(targetEncoder.forward(clips, null));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray total = null;
        for (int i = 0; i < stepMasks.size(); i++) {
          TokenMask mask = stepMasks.get(i);
          NDArray context = encoder.forward(clips, mask.context());
          NDArray predicted = predictor.forward(context, mask.context(), mask.target(), i, grid);
          NDArray wanted = VisionTransformer.selectTokens(targets, mask.target());
          NDArray l1 = predicted.sub(wanted).abs().mean();
          total = total == null ? l1 : total.add(l1);
        }
        NDArray mean = total.div(Scalars.like(total, stepMasks.size()));
        collector.backward(mean);
        loss = mean.getFloat();
      }
      if (config.gradClip() > 0) {
        Gradients.clipByGlobalNorm(trainable, config.gradClip());
      }
      optimiser.step(lr);
      updateTarget(momentum);
    }
    return new StepOutcome(step, loss, lr, momentum);
  }

  /** {@code target ← m·target + (1 − m)·encoder}, in place, parameter by parameter. */
  private void updateTarget(double momentum) {
    Map<String, NDArray> online = encoder.parameters();
    targetEncoder
        .parameters()
        .forEach((name, t) -> t.muli(momentum).addi(online.get(name).mul(1 - momentum)));
  }

  @Override
  public VisionTransformer exportedEncoder() {
    return targetEncoder;
  }

  /** The online (context) encoder. */
  public VisionTransformer contextEncoder() {
    return encoder;
  }

  @Override
  public Map<String, NDArray> trainingState() {
    Map<String, NDArray> state = new LinkedHashMap<>();
    state.putAll(NamedArrays.prefixed("encoder.", encoder.parameters()));
    state.putAll(NamedArrays.prefixed("target_encoder.", targetEncoder.parameters()));
    state.putAll(NamedArrays.prefixed("predictor.", predictor.parameters()));
    state.putAll(NamedArrays.prefixed("optimiser.", optimiser.state()));
    return state;
  }

  @Override
  public void restore(Map<String, NDArray> state, long completedSteps) {
    encoder.load(NamedArrays.underPrefix("encoder.", state));
    targetEncoder.load(NamedArrays.underPrefix("target_encoder.", state));
    predictor.load(NamedArrays.underPrefix("predictor.", state));
    optimiser.loadState(NamedArrays.underPrefix("optimiser.", state), completedSteps);
  }

  @Override
  public void close() {
    optimiser.close();
    manager.close();
  }
}
