package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import echobench.harness.study.ExportManifestTest;
import echobench.harness.video.VideoReader;
import echobench.harness.video.VideoWriter;
import echobench.models.checkpoint.SafeTensors;
import echobench.perturb.Clip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code echobench features} against upstream code: the {@code micro-video} golden fixture
 * ({@code tools/golden/make_golden.py}) holds an 8-bit RGB clip and the tokens that
 * facebookresearch/vjepa2's encoder computes, with the fixture's weights, on the clip EchoBench's
 * study sampling cuts from it. The test writes the clip as a lossless FFV1 video and the weights
 * beside a {@code model.json} manifest, runs the command through {@link EchoBench#execute} and
 * requires upstream's tokens within 1e-4.
 */
class FeaturesGoldenTest {
  private static final double TOLERANCE = 1e-4;
  private static final String FIXTURE = "models/src/test/resources/golden/micro-video";

  @TempDir Path temp;

  @Test
  void featuresReproduceUpstreamTokensOfAVideo() throws IOException {
    Path fixture = projectFolder(FIXTURE);
    JsonNode description = new ObjectMapper().readTree(fixture.resolve("fixture.json").toFile());
    JsonNode sampling = description.get("sampling");
    int frames = sampling.get("frames").asInt();
    int resolution = sampling.get("resolution").asInt();
    float[] levels;
    float[] upstream;
    long[] upstreamShape;
    try (NDManager manager = NDManager.newBaseManager()) {
      var io = SafeTensors.read(fixture.resolve("io.safetensors"), manager);
      levels = io.get("frames").toFloatArray();
      NDArray tokens = io.get("tokens");
      upstream = tokens.toFloatArray();
      upstreamShape = tokens.getShape().getShape();
    }
    JsonNode video = description.get("video");
    Clip clip = rgbClip(levels, video.get("frames").asInt(), video.get("height").asInt(),
        video.get("width").asInt());
    Path videoFile = temp.resolve("golden.avi");
    VideoWriter.write(clip, videoFile);
    // The premise: the lossless video decodes to exactly the fixture's 8-bit frames.
    Clip decoded = VideoReader.read(videoFile);
    assertThat(decoded.channels()).isEqualTo(3);
    assertThat(decoded.data()).containsExactly(clip.data());

    Path weights = Files.createDirectories(temp.resolve("micro")).resolve("weights.safetensors");
    Files.copy(fixture.resolve("weights.safetensors"), weights);
    ExportManifestTest.writeManifest(weights, "safetensors", frames, resolution, List.of(0, 1),
        numbers(description.get("mean")), numbers(description.get("std")),
        List.of((int) upstreamShape[1], (int) upstreamShape[2]));
    Path out = temp.resolve("tokens.npy");
    String model = "{safetensors: {file: '" + weights + "', encoder: "
        + description.get("echobench_encoder").asText() + "}}";
    CommandLineCapture run = CommandLineCapture.run("features", model, videoFile.toString(),
        "--out", out.toString(), "--clips", sampling.get("clips").asText(), "--frames",
        String.valueOf(frames), "--frame-step", sampling.get("frame_step").asText(),
        "--resolution", String.valueOf(resolution), "--device", "cpu");
    assertThat(run.exitCode()).as(run.err()).isZero();

    FeaturesCommandTest.Npy npy = FeaturesCommandTest.Npy.read(out);
    assertThat(npy.shape()).isEqualTo("(" + upstreamShape[0] + ", " + upstreamShape[1] + ", "
        + upstreamShape[2] + ")");
    assertThat(npy.values()).hasSameSizeAs(upstream);
    double diff = 0;
    double largest = 0;
    for (int i = 0; i < upstream.length; i++) {
      diff = Math.max(diff, Math.abs(npy.values()[i] - upstream[i]));
      largest = Math.max(largest, Math.abs(upstream[i]));
    }
    System.out.printf("golden features micro-video: max |EchoBench - upstream| = %.2e%n", diff);
    assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
    // The comparison means something: upstream's tokens are far from zero.
    assertThat(largest).isGreaterThan(0.5);
  }

  /** Frames {@code [T, H, W, 3]} of 8-bit levels as a clip {@code [3, T, H, W]} in [0, 1]. */
  private static Clip rgbClip(float[] levels, int frames, int height, int width) {
    float[] data = new float[levels.length];
    for (int t = 0; t < frames; t++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          for (int c = 0; c < 3; c++) {
            data[((c * frames + t) * height + y) * width + x] =
                levels[((t * height + y) * width + x) * 3 + c] / 255f;
          }
        }
      }
    }
    return new Clip(data, 3, frames, height, width, 25, "golden");
  }

  private static List<Number> numbers(JsonNode array) {
    List<Number> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asDouble()));
    return values;
  }

  private static Path projectFolder(String relative) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve(relative))) {
        return d.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above the test's folder");
  }
}
