package echobench.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import echobench.models.nn.Module;
import echobench.models.nn.ParameterFactory;

/**
 * V-JEPA's {@code PatchEmbed3D}: a Conv3d whose kernel equals its stride (tubelet × patch × patch),
 * computed as "cut the clip into tubelets, then one matrix product". The weight keeps the Conv3d
 * layout {@code proj.weight [D, 3, tubelet, patch, patch]} and {@code proj.bias [D]}, so checkpoints
 * load unchanged; tokens come out time-major, then row, then column.
 */
public final class TubeletEmbedding extends Module {
  private final VitConfig config;
  private final Projection proj;

  /** The embedding of {@code config}'s tokenisation into {@code config.embedDim()} channels. */
  public TubeletEmbedding(ParameterFactory factory, VitConfig config) {
    this.config = config;
    this.proj = child("proj", new Projection(factory, config));
  }

  /** Embeds {@code clips} {@code [B, 3, T, H, W]} into tokens {@code [B, N, D]}. */
  public NDArray forward(NDArray clips) {
    NDArray tubelets = tubelets(clips, config.tubelet(), config.patch());
    NDArray flatWeight = proj.weight.reshape(config.embedDim(), config.tokenValues());
    return ai.djl.nn.core.Linear.linear(tubelets, flatWeight, proj.bias).singletonOrThrow();
  }

  /**
   * Cuts {@code clips} {@code [B, C, T, H, W]} into tubelets {@code [B, N, C·t·p·p]}, each flattened
   * in Conv3d weight order (channel, frame, row, column), tokens in grid id order.
   */
  public static NDArray tubelets(NDArray clips, int tubelet, int patch) {
    Shape s = clips.getShape();
    if (s.dimension() != 5) {
      throw new IllegalArgumentException("expected clips [B, C, T, H, W], got " + s);
    }
    long b = s.get(0);
    long c = s.get(1);
    long gt = s.get(2) / tubelet;
    long gh = s.get(3) / patch;
    long gw = s.get(4) / patch;
    if (gt * tubelet != s.get(2) || gh * patch != s.get(3) || gw * patch != s.get(4)) {
      throw new IllegalArgumentException(
          "clip " + s + " does not tile into " + tubelet + "×" + patch + "×" + patch + " tubelets");
    }
    return clips
        .reshape(b, c, gt, tubelet, gh, patch, gw, patch)
        .transpose(0, 2, 4, 6, 1, 3, 5, 7)
        .reshape(b, gt * gh * gw, c * tubelet * patch * patch);
  }

  /** The Conv3d weight and bias under the name {@code proj}. */
  private static final class Projection extends Module {
    private final NDArray weight;
    private final NDArray bias;

    Projection(ParameterFactory factory, VitConfig config) {
      int d = config.embedDim();
      // PyTorch's default Conv3d initialisation: uniform ±1/√fan_in for weight and bias.
      double bound = 1.0 / Math.sqrt(config.tokenValues());
      this.weight =
          parameter(
              "weight",
              factory.uniform(new Shape(d, 3, config.tubelet(), config.patch(), config.patch()), bound));
      this.bias = parameter("bias", factory.uniform(new Shape(d), bound));
    }
  }
}
