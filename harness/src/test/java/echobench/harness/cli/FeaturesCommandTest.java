package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import echobench.harness.study.ClipSampler;
import echobench.harness.video.VideoReader;
import echobench.harness.video.VideoWriter;
import echobench.models.checkpoint.Checkpoint;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.VisionTransformer;
import echobench.perturb.Clip;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code echobench features} on the zoo's JEPA encoder and two videos the test writes: the
 * {@code .npy} file parsed here byte by byte has the NumPy 1.0 header, the shape [videos×clips,
 * tokens, D] and the tokens the encoder gives when called directly on the same clips; pooled rows
 * are the token means; a bad video or model is one line, exit 2, and no file.
 */
class FeaturesCommandTest {
  private static final String MODEL = "{checkpoint: zoo:jepa-echo-tiny}";
  private static final int FRAMES = 4;
  private static final int CLIPS = 2;
  private static final int SIDE = 32;
  /** The zoo encoder's width; tubelet 2 and patch 16 make (4/2)·(32/16)² tokens per clip. */
  private static final int DIM = 128;
  private static final int TOKENS = 8;

  @TempDir static Path temp;
  private static List<Path> videos;
  private static Path tokensFile;
  private static CommandLineCapture tokensRun;

  @BeforeAll
  static void writeVideosAndTheirTokens() {
    videos = new ArrayList<>();
    Random random = new Random(7);
    for (int v = 0; v < 2; v++) {
      int frames = 12;
      int h = 40;
      int w = 48;
      float[] data = new float[frames * h * w];
      for (int i = 0; i < data.length; i++) {
        data[i] = random.nextInt(256) / 255f;
      }
      Path file = temp.resolve("video" + v + ".avi");
      VideoWriter.write(new Clip(data, 1, frames, h, w, 25, "video" + v), file);
      videos.add(file);
    }
    tokensFile = temp.resolve("tokens.npy");
    tokensRun = features(tokensFile, false);
  }

  @Test
  void tokensMatchTheEncoderCalledDirectlyOnTheSameClips() throws IOException {
    assertThat(tokensRun.exitCode()).as(tokensRun.err()).isZero();
    assertThat(tokensRun.out()).contains("shape [4, 8, 128]");
    Npy npy = Npy.read(tokensFile);
    assertThat(npy.shape()).isEqualTo("(4, 8, 128)");
    float[] expected = direct();
    assertThat(npy.values()).hasSize(CLIPS * 2 * TOKENS * DIM);
    for (int i = 0; i < expected.length; i++) {
      assertThat(npy.values()[i]).as("value %d", i).isCloseTo(expected[i], within(1e-5f));
    }
  }

  @Test
  void pooledRowsAreTheMeanToken() throws IOException {
    Path pooledFile = temp.resolve("pooled.npy");
    CommandLineCapture run = features(pooledFile, true);
    assertThat(run.exitCode()).as(run.err()).isZero();
    Npy pooled = Npy.read(pooledFile);
    float[] tokens = Npy.read(tokensFile).values();
    assertThat(pooled.shape()).isEqualTo("(4, 128)");
    for (int row = 0; row < 4; row++) {
      for (int d = 0; d < DIM; d++) {
        double sum = 0;
        for (int t = 0; t < TOKENS; t++) {
          sum += tokens[(row * TOKENS + t) * DIM + d];
        }
        assertThat(pooled.values()[row * DIM + d]).isCloseTo((float) (sum / TOKENS),
            within(1e-6f));
      }
    }
  }

  @Test
  void anUnreadableVideoIsOneLineAndNoFile() throws IOException {
    Path bad = Files.writeString(temp.resolve("broken.avi"), "not a video");
    Path out = temp.resolve("never.npy");
    CommandLineCapture run = CommandLineCapture.run("features", MODEL, videos.get(0).toString(),
        bad.toString(), "--out", out.toString(), "--frames", "4", "--resolution", "32",
        "--device", "cpu");
    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).contains(bad.toString()).doesNotContain("Exception");
    assertThat(out).doesNotExist();
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("never"));
    }
  }

  @Test
  void anUnknownModelIsOneLine() {
    Path out = temp.resolve("unknown-model.npy");
    CommandLineCapture run = CommandLineCapture.run("features", "{checkpoint: zoo:absent}",
        videos.get(0).toString(), "--out", out.toString(), "--device", "cpu");
    assertThat(run.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("echobench: model features: no zoo checkpoint absent (the installation's zoo ");
    CommandLineCapture typo = CommandLineCapture.run("features", "{checkpiont: zoo:absent}",
        videos.get(0).toString(), "--out", out.toString(), "--device", "cpu");
    assertThat(typo.exitCode()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(typo.errLines()).hasSize(1);
    assertThat(typo.errLines().get(0)).startsWith("echobench: model spec '{checkpiont: zoo:absent}'")
        .contains("unknown key 'checkpiont' (known: checkpoint, pretrain, random_init,"
            + " safetensors, torchscript, name)");
    assertThat(out).doesNotExist();
  }

  private static CommandLineCapture features(Path out, boolean pooled) {
    List<String> args = new ArrayList<>(List.of("features", MODEL));
    videos.forEach(v -> args.add(v.toString()));
    args.addAll(List.of("--out", out.toString(), "--frames", String.valueOf(FRAMES), "--clips",
        String.valueOf(CLIPS), "--resolution", String.valueOf(SIDE), "--device", "cpu"));
    if (pooled) {
      args.add("--pooled");
    }
    return CommandLineCapture.run(args.toArray(String[]::new));
  }

  /** The zoo encoder's tokens of each video's clips, computed without the command. */
  private static float[] direct() {
    Path zoo = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(zoo.resolve("models/zoo/jepa-echo-tiny"))) {
      zoo = zoo.getParent();
    }
    ClipSampler sampler = new ClipSampler(FRAMES, 2, CLIPS, SIDE);
    InputSpec spec = InputSpec.imagenet(FRAMES, SIDE, SIDE);
    List<Float> all = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager();
        VisionTransformer vit =
            Checkpoint.load(zoo.resolve("models/zoo/jepa-echo-tiny"), manager)) {
      for (Path video : videos) {
        Clip clip = VideoReader.read(video);
        float[] tokens =
            vit.encode(spec.toBatch(manager, sampler.sample(clip), clip.channels()))
                .toFloatArray();
        for (float t : tokens) {
          all.add(t);
        }
      }
    }
    float[] out = new float[all.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = all.get(i);
    }
    return out;
  }

  /** A {@code .npy} file parsed by the format's definition: magic, version 1.0, header, data. */
  record Npy(String shape, float[] values) {
    static Npy read(Path file) throws IOException {
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[6];
      bytes.get(magic);
      assertThat(magic).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
      assertThat(bytes.get()).as("major version").isEqualTo((byte) 1);
      assertThat(bytes.get()).as("minor version").isEqualTo((byte) 0);
      int headerLength = Short.toUnsignedInt(bytes.getShort());
      byte[] header = new byte[headerLength];
      bytes.get(header);
      String text = new String(header, StandardCharsets.US_ASCII);
      assertThat(bytes.position() % 64).as("data aligned to 64 bytes").isZero();
      assertThat(text).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (")
          .endsWith("\n");
      String shape = text.substring(text.indexOf("'shape': ") + 9, text.indexOf(')') + 1);
      float[] values = new float[bytes.remaining() / 4];
      bytes.asFloatBuffer().get(values);
      return new Npy(shape, values);
    }
  }
}
