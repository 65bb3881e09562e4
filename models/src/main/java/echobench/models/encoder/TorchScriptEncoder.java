package echobench.models.encoder;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A frozen video encoder exported from PyTorch as TorchScript (EchoPrime, PanEcho, VideoMAE, …),
 * run by DJL's PyTorch engine with its parameters frozen ({@code trainParam = false}).
 *
 * <p>The exported module takes {@code [B, 3, T, H, W]} normalised as the declared {@link InputSpec}
 * and returns either tokens {@code [B, N, D]} or one pooled vector {@code [B, D]}, which is returned
 * as a single token {@code [B, 1, D]}. The token count {@code N} and width {@code D} are read from
 * one forward pass at load.
 */
public final class TorchScriptEncoder implements VideoEncoder {
  private final Path file;
  private final ZooModel<NDList, NDList> model;
  private final InputSpec spec;
  private final int embedDim;
  private final int tokens;

  private TorchScriptEncoder(Path file, ZooModel<NDList, NDList> model, InputSpec spec) {
    this.file = file;
    this.model = model;
    this.spec = spec;
    try (NDManager probe = model.getNDManager().newSubManager()) {
      NDArray zeros =
          probe.zeros(new Shape(1, 3, spec.frames(), spec.height(), spec.width()));
      Shape out = encode(zeros).getShape();
      this.tokens = Math.toIntExact(out.get(1));
      this.embedDim = Math.toIntExact(out.get(2));
    }
  }

  /**
   * Loads the TorchScript {@code file} on {@code device} for inputs described by {@code spec}.
   *
   * @throws InputException naming the file when it is missing, is not TorchScript the engine
   *     can load, or does not map the declared input to {@code [B, D]} or {@code [B, N, D]}
   */
  public static TorchScriptEncoder load(Path file, InputSpec spec, Device device) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such TorchScript file");
    }
    Criteria<NDList, NDList> criteria =
        Criteria.builder()
            .setTypes(NDList.class, NDList.class)
            .optModelPath(file.toAbsolutePath())
            .optEngine("PyTorch")
            .optDevice(device)
            .optOption("trainParam", "false")
            .build();
    ZooModel<NDList, NDList> model;
    try {
      model = criteria.loadModel();
    } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
      throw new InputException(
          file + ": cannot load as TorchScript (" + firstLine(e.getMessage()) + ")", e);
    }
    try {
      return new TorchScriptEncoder(file, model, spec);
    } catch (RuntimeException e) {
      model.close();
      if (e instanceof InputException) {
        throw e;
      }
      throw new InputException(
          file + ": does not encode a " + spec + " clip (" + firstLine(e.getMessage()) + ")", e);
    }
  }

  /**
   * The first non-blank line of a libtorch message, which goes on with the TorchScript source and
   * a traceback: the line that says what is wrong.
   */
  private static String firstLine(String message) {
    return message == null ? "no detail"
        : message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
            .orElse("no detail");
  }

  @Override
  public InputSpec inputSpec() {
    return spec;
  }

  @Override
  public int embedDim() {
    return embedDim;
  }

  /** The tokens {@code N} per clip (1 for a pooled output). */
  public int tokens() {
    return tokens;
  }

  /**
   * Encodes {@code clips} {@code [B, 3, T, H, W]} into {@code [B, N, D]} in the clips' manager.
   *
   * @throws IllegalArgumentException if the clips do not have the declared shape
   * @throws InputException naming the file when its output is neither {@code [B, D]} nor {@code
   *     [B, N, D]}
   */
  @Override
  public NDArray encode(NDArray clips) {
    Shape shape = clips.getShape();
    Shape expected = new Shape(shape.get(0), 3, spec.frames(), spec.height(), spec.width());
    if (!shape.equals(expected)) {
      throw new IllegalArgumentException(
          "TorchScript encoder " + file.getFileName() + " takes " + expected + ", not " + shape);
    }
    NDList outputs =
        model.getBlock().forward(new ParameterStore(clips.getManager(), false), new NDList(clips), false);
    NDArray out = outputs.head();
    out.attach(clips.getManager());
    return switch (out.getShape().dimension()) {
      case 2 -> out.expandDims(1);
      case 3 -> out;
      default ->
          throw new InputException(
              file + ": output " + out.getShape() + " is neither [B, D] nor [B, N, D]");
    };
  }

  /** Releases the model. */
  @Override
  public void close() {
    model.close();
  }
}
