package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import echobench.models.encoder.InputSpec;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code model.json} an export script of {@code tools/export/} writes beside an external
 * model's weights (TorchScript or safetensors): the weights' file name and SHA-256, the input
 * contract the model was exported with, its output shape per clip, and where it came from.
 * EchoBench refuses an external model whose manifest is missing, whose weights are not the file
 * the manifest hashed, or whose contract disagrees with the config; every refusal is one line
 * naming the file.
 *
 * @param format {@value #FORMAT}
 * @param family the model family ({@code echojepa}, {@code echoprime}, {@code panecho}, …)
 * @param weights the weight file it describes
 * @param input the input contract
 * @param output the output per clip
 * @param upstream the upstream repository and commit the weights were exported from
 * @param exported the tool and library versions that wrote the export
 * @param sections for a converted checkpoint, the sections written ({@code target_encoder}, …)
 * @param dropped for a converted checkpoint, every entry of it not written, with the reason
 */
record ExportManifest(
    @JsonProperty("format") String format,
    @JsonProperty("family") String family,
    @JsonProperty("weights") Weights weights,
    @JsonProperty("input") Input input,
    @JsonProperty("output") Output output,
    @JsonProperty("upstream") Upstream upstream,
    @JsonProperty("exported") Exported exported,
    @JsonProperty("sections") List<String> sections,
    @JsonProperty("dropped") List<String> dropped) {

  /** The manifest's file name, in the weights' folder. */
  static final String FILE = "model.json";
  /** The manifest format this version reads. */
  static final String FORMAT = "echobench-export/1";
  /** The only channel order EchoBench feeds. */
  static final String RGB = "RGB";
  /** The only input layout EchoBench feeds. */
  static final String LAYOUT = "B,C,T,H,W";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  /** Relative tolerance on mean and std: JSON decimals against float32 constants. */
  private static final double TOLERANCE = 1e-5;

  /**
   * The weight file.
   *
   * @param file its name, in the manifest's folder
   * @param kind {@code torchscript} or {@code safetensors}
   * @param sha256 the SHA-256 of its bytes, hexadecimal
   */
  record Weights(
      @JsonProperty("file") String file,
      @JsonProperty("kind") String kind,
      @JsonProperty("sha256") String sha256) {}

  /**
   * The input contract: a batch laid out {@code layout}, pixels in {@code valueRange} normalised
   * per channel as {@code (x − mean) / std}.
   *
   * @param layout the tensor layout, {@value #LAYOUT}
   * @param frames frames per clip
   * @param resolution square frame side in pixels
   * @param channelOrder {@value #RGB}
   * @param valueRange the pixel range before normalisation, {@code [0, 1]} or {@code [0, 255]}
   * @param mean per-channel mean in those units
   * @param std per-channel standard deviation in those units
   */
  record Input(
      @JsonProperty("layout") String layout,
      @JsonProperty("frames") int frames,
      @JsonProperty("resolution") int resolution,
      @JsonProperty("channel_order") String channelOrder,
      @JsonProperty("value_range") double[] valueRange,
      @JsonProperty("mean") double[] mean,
      @JsonProperty("std") double[] std) {}

  /**
   * The output of one clip: {@code [D]} for a pooled vector, {@code [N, D]} for tokens.
   *
   * @param shape the shape without the batch dimension
   */
  record Output(@JsonProperty("shape") int[] shape) {}

  /**
   * Where the weights came from.
   *
   * @param repository the upstream code's repository
   * @param commit the commit the model was built with, as the user gave it
   * @param checkpoint the checkpoint file that was converted
   */
  record Upstream(
      @JsonProperty("repository") String repository,
      @JsonProperty("commit") String commit,
      @JsonProperty("checkpoint") String checkpoint) {}

  /**
   * What wrote the export.
   *
   * @param tool the script
   * @param torch the PyTorch version
   * @param created when (ISO-8601)
   */
  record Exported(
      @JsonProperty("tool") String tool,
      @JsonProperty("torch") String torch,
      @JsonProperty("created") String created) {}

  /**
   * Reads the manifest beside {@code weightsFile} and checks that it describes that file: its
   * name, its kind ({@code torchscript} or {@code safetensors}) and the SHA-256 of its bytes.
   *
   * @param digest the SHA-256 of {@code weightsFile}, computed by the caller
   * @throws InputException naming the manifest (or the weights) on any mismatch
   */
  static ExportManifest read(Path weightsFile, String kind, String digest) {
    Path file = weightsFile.toAbsolutePath().resolveSibling(FILE);
    if (!Files.isRegularFile(file)) {
      throw new InputException(weightsFile + ": no " + FILE + " manifest beside it (write it"
          + " with the export scripts of tools/export/)");
    }
    ExportManifest manifest;
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      String found = tree.path("format").asText("none");
      if (!FORMAT.equals(found)) {
        throw new InputException(file + ": format " + found + ", not an export manifest ("
            + FORMAT + ")");
      }
      manifest = JSON.treeToValue(tree, ExportManifest.class);
    } catch (IOException e) {
      throw new InputException(file + ": not a readable export manifest ("
          + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    if (manifest.weights == null || manifest.input == null || manifest.output == null) {
      throw new InputException(file + ": needs weights, input and output");
    }
    String name = weightsFile.getFileName().toString();
    if (!name.equals(manifest.weights.file)) {
      throw new InputException(file + ": describes " + manifest.weights.file + ", not "
          + name);
    }
    if (!kind.equals(manifest.weights.kind)) {
      throw new InputException(file + ": describes " + manifest.weights.kind + " weights,"
          + " but the config loads " + name + " as " + kind);
    }
    if (manifest.weights.sha256 == null
        || !digest.equals(manifest.weights.sha256.toLowerCase(Locale.ROOT))) {
      throw new InputException(weightsFile + ": SHA-256 " + digest + " differs from the "
          + manifest.weights.sha256 + " its " + FILE + " records (not the exported file)");
    }
    return manifest;
  }

  /**
   * Checks that the input contract is exactly what EchoBench will feed: {@code spec}'s frames,
   * size and normalisation, RGB, {@value #LAYOUT}.
   *
   * @throws InputException naming the manifest and the first disagreement
   */
  void requireInput(Path weightsFile, InputSpec spec) {
    Path file = weightsFile.toAbsolutePath().resolveSibling(FILE);
    if (!LAYOUT.equals(input.layout)) {
      throw disagree(file, "layout " + input.layout, "EchoBench feeds " + LAYOUT);
    }
    if (!RGB.equals(input.channelOrder)) {
      throw disagree(file, "channel order " + input.channelOrder, "EchoBench feeds " + RGB);
    }
    if (input.frames != spec.frames()) {
      throw disagree(file, input.frames + " frames", "the config gives " + spec.frames());
    }
    if (input.resolution != spec.height() || input.resolution != spec.width()) {
      throw disagree(file, "resolution " + input.resolution,
          "the config gives " + spec.height() + "x" + spec.width());
    }
    double[] range = input.valueRange;
    if (range == null || range.length != 2 || range[0] != 0
        || !close(range[1], spec.pixelScale())) {
      throw disagree(file, "value range " + Arrays.toString(range),
          "the config's normalization takes [0, " + spec.pixelScale() + "]");
    }
    float[] mean = spec.mean();
    float[] std = spec.std();
    for (int c = 0; c < 3; c++) {
      if (input.mean == null || input.mean.length != 3 || input.std == null
          || input.std.length != 3 || !close(input.mean[c], mean[c])
          || !close(input.std[c], std[c])) {
        throw disagree(file, "mean " + Arrays.toString(input.mean) + " std "
            + Arrays.toString(input.std), "the config's normalization has mean "
            + Arrays.toString(mean) + " std " + Arrays.toString(std));
      }
    }
  }

  /**
   * Checks the declared output per clip against what the loaded model returns: {@code [D]} or
   * {@code [1, D]} for one pooled token, else {@code [tokens, D]}.
   *
   * @throws InputException naming the manifest when they differ
   */
  void requireOutput(Path weightsFile, int tokens, int dim) {
    int[] shape = output.shape;
    boolean pooled = shape != null && shape.length == 1 && tokens == 1 && shape[0] == dim;
    boolean tokenShape = shape != null && shape.length == 2 && shape[0] == tokens
        && shape[1] == dim;
    if (!pooled && !tokenShape) {
      throw disagree(weightsFile.toAbsolutePath().resolveSibling(FILE),
          "output " + Arrays.toString(shape) + " per clip",
          "the model gives " + List.of(tokens, dim));
    }
  }

  private static boolean close(double declared, double used) {
    return Math.abs(declared - used) <= TOLERANCE * Math.max(1, Math.abs(used));
  }

  private static InputException disagree(Path file, String declared, String actual) {
    return new InputException(file + ": declares " + declared + ", but " + actual);
  }
}
