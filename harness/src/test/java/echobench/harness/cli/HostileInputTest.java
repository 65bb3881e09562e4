package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.video.CraftedHeaders;
import echobench.harness.video.VideoCodec;
import echobench.harness.video.VideoReader;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Clip;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs by the hundred, generated here from small valid files: damaged and truncated
 * videos, headers declaring every frame size from 0 to 2^31, fuzzed FileList and list-file rows,
 * damaged safetensors headers and offsets, checkpoint folders that are not, and study configs with
 * values of every wrong type and size. Each goes through the command line, and each must end in
 * exit status 2 with exactly one stderr line naming the file, no stack trace, nothing left
 * half-written and nothing written outside the case's own folder (or, for a damaged video that
 * still decodes, in a whole output).
 */
class HostileInputTest {
  @TempDir static Path temp;
  private static final Map<String, AtomicInteger> CASES = new LinkedHashMap<>();
  private static final AtomicInteger DECODED = new AtomicInteger();
  private static Path dataset;

  /** A valid EchoNet-Dynamic style dataset whose videos are absent (loading never opens them). */
  @BeforeAll
  static void writeDataset() throws IOException {
    dataset = Files.createDirectories(temp.resolve("dataset"));
    Files.writeString(dataset.resolve("FileList.csv"), fileList(validRows()));
  }

  @AfterAll
  static void report() {
    int total = CASES.values().stream().mapToInt(AtomicInteger::get).sum();
    System.out.println("hostile inputs: " + total + " cases " + CASES + ", of which "
        + DECODED.get() + " damaged videos still decoded whole");
  }

  // ---------------------------------------------------------------------------------- videos

  @Test
  void damagedAndTruncatedVideos() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("videos"));
    List<Path> bases = List.of(
        video(dir.resolve("ffv1.avi"), VideoCodec.FFV1),
        video(dir.resolve("mjpeg.avi"), VideoCodec.MJPEG),
        video(dir.resolve("ffv1.mkv"), VideoCodec.FFV1));
    int n = 0;
    for (Path base : bases) {
      byte[] whole = Files.readAllBytes(base);
      String suffix = base.getFileName().toString().replaceAll(".*\\.", ".");
      for (int tenth = 0; tenth < 10; tenth++) {
        int at = whole.length * tenth / 10;
        Path cut = dir.resolve("cut" + n + suffix);
        Files.write(cut, Arrays.copyOf(whole, at));
        perturb("videos", cut, false);
        byte[] flipped = whole.clone();
        for (int i = at; i < Math.min(whole.length, at + 32); i++) {
          flipped[i] ^= (byte) 0xFF;
        }
        Path flip = dir.resolve("flip" + n + suffix);
        Files.write(flip, flipped);
        perturb("videos", flip, true);
        n++;
      }
    }
    assertThat(CASES.get("videos").get()).isEqualTo(60);
  }

  @Test
  void declaredFrameSizesFromZeroTo2To31() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("sizes"));
    List<Long> sides = new ArrayList<>(List.of(0L, 1L, 3L, 15L, 16L, 17L, 100L, 4096L, 4097L,
        16000L, 46341L, 60000L, 65535L, 65536L));
    for (int power = 17; power <= 31; power += 2) {
      sides.add(1L << power);
    }
    sides.add((1L << 31) - 1);
    sides.add((1L << 32) - 1);
    int n = 0;
    for (long side : sides) {
      for (long[] size : new long[][] {{side, side}, {side, 16}, {16, side}}) {
        Path file = declaring(dir.resolve("declared" + n++ + ".avi"), (int) size[0], (int) size[1]);
        // a negative height is a top-down bitmap, and may decode; beyond 4096 is always refused
        int width = (int) size[0];
        int height = (int) size[1];
        perturb("declared sizes", file, width <= 4096 && height <= 4096);
      }
    }
    assertThat(CASES.get("declared sizes").get()).isEqualTo(3 * sides.size());
  }

  /** {@code perturb} on {@code video}: refused in one line, or (when allowed) a whole output. */
  private static void perturb(String family, Path video, boolean mayDecode) throws IOException {
    Path out = video.resolveSibling(video.getFileName() + ".out.avi");
    CommandLineCapture run = CommandLineCapture.run("perturb", video.toString(), "--name",
        "depth-exp", "--severity", "1", "--out", out.toString());
    count(family);
    if (run.exitCode() == 0 && mayDecode) {
      assertThat(VideoReader.read(out).frames()).as(video.toString()).isPositive();
      DECODED.incrementAndGet();
      Files.delete(out);
      return;
    }
    assertRefused(run, video.toString(), video.getParent(), out);
  }

  private static Path video(Path file, VideoCodec codec) {
    SplittableRandom random = new SplittableRandom(file.getFileName().toString().hashCode());
    float[] data = new float[12 * 16 * 16];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(256) / 255f;
    }
    VideoWriter.write(new Clip(data, 1, 12, 16, 16, 25, "base"), file, codec);
    return file;
  }

  /** A small lossless AVI whose main and stream headers declare {@code width×height}. */
  private static Path declaring(Path file, int width, int height) throws IOException {
    return CraftedHeaders.declare(video(file, VideoCodec.FFV1), width, height);
  }

  // ------------------------------------------------------------------------------- list files

  @Test
  void fuzzedFileListRows() throws IOException {
    List<String> badEf = List.of("", "abc", "NaN", "-0.5", "100.5", "0x1p5", "55.5f", "1e400",
        "٥٥", "\"55,5\"", "Infinity", "5 5", "--5", "1e", ".");
    List<String> badSplit = List.of("", "train2", "0", "TRAINING", "TE ST", "\"\"");
    int n = 0;
    for (int row = 0; row < 8; row += 3) {
      for (String ef : badEf) {
        List<String> rows = validRows();
        rows.set(row, rows.get(row).replaceFirst(",[^,]*,", "," + ef + ","));
        fileListCase("file lists", n++, fileList(rows));
      }
      for (String split : badSplit) {
        List<String> rows = validRows();
        rows.set(row, rows.get(row).replaceFirst(",[^,]*$", "," + split));
        fileListCase("file lists", n++, fileList(rows));
      }
    }
    SplittableRandom random = new SplittableRandom(15);
    List<String> structural = new ArrayList<>(List.of("", "\n", "FileName,EF\na,50\n",
        "FileName,EF,Split,EF\na,50,TRAIN,50\n", "FileName,EF,Split\na,50\n",
        "FileName,EF,Split\na,50,TRAIN,extra\n", "FileName,EF,Split\n\"a,50,TRAIN\n",
        "\uFEFFFileName,EF,Split\na,50,TRAIN\n", "FileName;EF;Split\na;50;TRAIN\n"));
    for (int i = 0; i < 12; i++) {
      StringBuilder noise = new StringBuilder("FileName,EF,Split\n");
      for (int c = 0; c < 40; c++) {
        String alphabet = "ab,\"\n5.x-e";
        noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      structural.add(noise.toString());
    }
    for (String text : structural) {
      fileListCase("file lists", n++, text);
    }
    byte[] notUtf8 = {'F', 'i', 'l', 'e', (byte) 0xC3, (byte) 0x28, '\n'};
    Path root = Files.createDirectories(temp.resolve("file lists/bytes"));
    Files.write(root.resolve("FileList.csv"), notUtf8);
    runStudy("file lists", root.getParent().resolve("bytes-case"), dynamic(root), root);
    assertThat(CASES.get("file lists").get()).isGreaterThanOrEqualTo(80);
  }

  @Test
  void fuzzedListFileRows() throws IOException {
    List<String> badLines = List.of("../escape.avi 50", "/etc/passwd 50", "a.avi", "a.avi abc",
        "a.avi -3", "a.avi 0x1p5", "a.avi 101", "a.avi NaN", "a.avi 55.5f", "x/../../b.avi 50",
        "a.avi 50\na.avi 60", "a.avi ٥٠", "a.avi 1e999");
    int n = 0;
    for (String line : badLines) {
      Path root = Files.createDirectories(temp.resolve("list files/case" + n++));
      for (String split : List.of("train", "val", "test")) {
        Files.writeString(root.resolve(split + ".csv"), split + "0.avi 50\n" + split
            + "1.avi 60\n" + (split.equals("train") ? line + "\n" : ""));
      }
      runStudy("list files", root.resolve("run"), "  adult:\n    kind: list-csv\n    root: "
          + root + "\n    files: {train: " + root.resolve("train.csv") + ", val: "
          + root.resolve("val.csv") + ", test: " + root.resolve("test.csv") + "}\n", root);
    }
    assertThat(CASES.get("list files").get()).isEqualTo(badLines.size());
  }

  private static void fileListCase(String family, int n, String text) throws IOException {
    Path root = Files.createDirectories(temp.resolve(family).resolve("case" + n));
    Files.writeString(root.resolve("FileList.csv"), text);
    runStudy(family, root.resolve("run"), dynamic(root), root);
  }

  private static List<String> validRows() {
    List<String> rows = new ArrayList<>();
    String[] splits = {"TRAIN", "TRAIN", "TRAIN", "TRAIN", "TRAIN", "VAL", "VAL", "TEST"};
    for (int i = 0; i < splits.length; i++) {
      rows.add("v" + i + "," + (40 + 5 * i) + "," + splits[i]);
    }
    return rows;
  }

  private static String fileList(List<String> rows) {
    return "FileName,EF,Split\n" + String.join("\n", rows) + "\n";
  }

  // ---------------------------------------------------------------------------- weights files

  @Test
  void damagedSafetensors() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("safetensors"));
    String tensor = "{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    List<String> headers = List.of("{", "[]", "null", "\"a\"", "{\"t\":1}", "{\"t\":{}}",
        tensor.replace("F32", "I64"), tensor.replace("F32", "F64"),
        tensor.replace("\"dtype\":\"F32\",", ""), tensor.replace("[2]", "[-2]"),
        tensor.replace("[2]", "[1.5]"), tensor.replace("[2]", "[\"2\"]"),
        tensor.replace("[2]", "[4294967296,4294967296]"), tensor.replace("[2]", "[]"),
        tensor.replace("[0,8]", "[8,0]"), tensor.replace("[0,8]", "[-8,0]"),
        tensor.replace("[0,8]", "[0,16]"), tensor.replace("[0,8]", "[4,12]"),
        tensor.replace("[0,8]", "[0]"), tensor.replace("[0,8]", "[0,8.5]"),
        tensor.replace("}}", "},\"u\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}"),
        tensor.replace("}}", "},\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}"),
        tensor);
    int n = 0;
    for (String header : headers) {
      Path file = dir.resolve("h" + n++ + ".safetensors");
      Files.write(file, safetensors(header.getBytes(StandardCharsets.UTF_8), 8));
      weightsCase(file, safetensorsModel(file));
    }
    byte[] valid = safetensors(tensor.getBytes(StandardCharsets.UTF_8), 8);
    for (long length : new long[] {0, -1, 7, 1L << 40, Long.MIN_VALUE, valid.length}) {
      byte[] bytes = valid.clone();
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length);
      Path file = Files.write(dir.resolve("len" + n++ + ".safetensors"), bytes);
      weightsCase(file, safetensorsModel(file));
    }
    for (int tenth = 0; tenth < 10; tenth++) {
      Path file = Files.write(dir.resolve("cut" + n++ + ".safetensors"),
          Arrays.copyOf(valid, valid.length * tenth / 10));
      weightsCase(file, safetensorsModel(file));
    }
    Path folder = Files.createDirectories(dir.resolve("folder.safetensors"));
    weightsCase(folder, safetensorsModel(folder));
    assertThat(CASES.get("weights").get()).isGreaterThanOrEqualTo(39);
  }

  @Test
  void checkpointsThatAreNot() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("checkpoints"));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    weightsCase(empty, "checkpoint: " + empty);
    Path file = Files.writeString(dir.resolve("file"), "not a folder");
    weightsCase(file, "checkpoint: " + file);
    String micro = "{\"format\": \"echobench-vit/1\", \"architecture\": {\"embed_dim\": 64,"
        + " \"depth\": 2, \"heads\": 2, \"mlp_ratio\": 4.0, \"tubelet\": 2, \"patch\": 16,"
        + " \"frames\": 16, \"resolution\": 224}}";
    List<String> descriptions = List.of("", "{", "[]", "null", "{\"format\": \"other/1\"}",
        micro.replace("64", "65536").replace("\"depth\": 2", "\"depth\": 64"),
        micro.replace("\"depth\": 2", "\"depth\": -2"), micro.replace("\"heads\": 2", "\"heads\": 7"),
        micro.replace("\"depth\": 2", "\"depth\": 2.5"), micro.replace("64", "\"wide\""),
        micro.replace("}}", "}, \"unknown\": 1}"), micro);
    int n = 0;
    for (String description : descriptions) {
      Path ckpt = Files.createDirectories(dir.resolve("ckpt" + n++));
      Files.writeString(ckpt.resolve("model.json"), description);
      if (n % 2 == 0) {
        Files.writeString(ckpt.resolve("weights.safetensors"), "garbage");
      }
      weightsCase(ckpt, "checkpoint: " + ckpt);
    }
    assertThat(CASES.get("weights").get()).isGreaterThanOrEqualTo(14);
  }

  private static String safetensorsModel(Path file) {
    return "safetensors: {file: " + file + ", encoder: micro}";
  }

  private static byte[] safetensors(byte[] header, int dataBytes) {
    ByteBuffer bytes = ByteBuffer.allocate(8 + header.length + dataBytes)
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(header.length).put(header);
    return bytes.array();
  }

  private static void weightsCase(Path named, String modelSource) throws IOException {
    Path caseDir = Files.createDirectories(temp.resolve("weights-runs")
        .resolve("case" + CASES.computeIfAbsent("weights", k -> new AtomicInteger()).get()));
    String config = "name: hostile\nmax_skip_fraction: 0\n"
        + "sampling: {frames: 16, frame_step: 1, clips: 1, resolution: 32}\n"
        + "datasets:\n" + dynamic(dataset) + "train: adult\n"
        + "models:\n  - {name: m, " + modelSource + "}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 4, lr: [0.001], wd: [0.01]}\n";
    Path file = Files.writeString(caseDir.resolve("study.yaml"), config);
    CommandLineCapture run = CommandLineCapture.run("run", file.toString(), "--out",
        caseDir.resolve("out").toString(), "--device", "cpu");
    count("weights");
    assertRefused(run, named.toString(), caseDir, caseDir.resolve("out/results.csv"));
  }

  // ---------------------------------------------------------------------------------- configs

  @Test
  void configsOfEveryWrongTypeAndSize() throws IOException {
    List<String> notPositiveInts = List.of("abc", "[1]", "{a: 1}", "4.5", "-1", "0",
        "99999999999", "1e400", "true", "''");
    List<String> notFractions = List.of("abc", "[0.1]", "-0.1", "1", "1.5", ".nan", "{a: 1}");
    Map<String, List<String>> wrong = new LinkedHashMap<>();
    for (String key : List.of("FRAMES", "STEP", "CLIPS", "RESOLUTION", "RESAMPLES", "EPOCHS",
        "BATCH", "DEPTH", "HEADS")) {
      wrong.put(key, notPositiveInts);
    }
    wrong.put("FRAMES", concat(notPositiveInts, "257", "100000", "2147483648"));
    wrong.put("RESOLUTION", concat(notPositiveInts, "1025", "100000"));
    wrong.put("HEADS", concat(notPositiveInts, "7", "3", "512"));
    wrong.put("SKIP", notFractions);
    wrong.put("CONFIDENCE", concat(notFractions, "0"));
    wrong.put("SEED", List.of("abc", "[1]", "1.5", "99999999999999999999", "{a: 1}"));
    wrong.put("DEVICE", List.of("tpu", "[cpu]", "{a: 1}", "7"));
    wrong.put("TASK", List.of("ef", "[lvef]", "{}"));
    wrong.put("MASK", List.of("fan", "[full]"));
    wrong.put("TRAIN", List.of("nope", "[adult]", "{a: 1}", "''"));
    wrong.put("EVALUATE", List.of("[nope]", "[adult, adult]", "{a: 1}", "[[adult]]"));
    wrong.put("LR", List.of("[-1]", "[0]", "[abc]", "[]", "-1", "[.inf]", "[.nan]", "{a: 1}"));
    wrong.put("WD", List.of("[-1]", "[abc]", "[]", "[-.inf]"));
    wrong.put("PERTURBATION", List.of("nope", "[depth-exp]", "''", "{a: 1}"));
    wrong.put("SEVERITIES", List.of("[1.5]", "[-1]", "[99]", "[abc]", "2", "[]", "[[1]]"));
    wrong.put("ENCODER", List.of("huge", "[micro]", "{a: 1}", "''"));
    wrong.put("COUNT", List.of("0", "-1", "100001", "1.5", "abc"));
    wrong.put("SIZE", List.of("31", "100000", "2147483648", "64.5"));
    wrong.put("SYNTHFRAMES", List.of("0", "2000000000", "1025", "8.5"));
    int n = 0;
    for (Map.Entry<String, List<String>> entry : wrong.entrySet()) {
      for (String value : entry.getValue()) {
        configCase(n++, template().replace("${" + entry.getKey() + "}", value));
      }
    }
    List<String> whole = List.of("", "[]", "just text", "name: x\nname: y\n",
        template() + "colour: red\n", template() + "name: again\n",
        template().replace("name: hostile", "name: &a hostile") + "device: *a\n",
        template().replace("name: hostile", "name: !!binary aGVsbG8="),
        template().replace("\n  - {kind: attentive", "\n\t- {kind: attentive"),
        "name: " + "x".repeat(100_000) + "\n", "name: x\n" + "# comment\n".repeat(120_000),
        "a:".repeat(0) + "[".repeat(200) + "]".repeat(200), "{a: {b: {c: " + "{d: ".repeat(100));
    for (String text : whole) {
      configCase(n++, text);
    }
    Path caseDir = Files.createDirectories(temp.resolve("configs/bytes"));
    Path bytes = Files.write(caseDir.resolve("study.yaml"),
        new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    configRun(bytes, caseDir);
    Path folder = Files.createDirectories(temp.resolve("configs/folder.yaml"));
    configRun(folder, folder.getParent());
    int keyed = wrong.values().stream().mapToInt(List::size).sum();
    assertThat(CASES.get("configs").get()).isEqualTo(keyed + whole.size() + 2).isGreaterThan(150);
  }

  private static String template() {
    return "name: hostile\nseed: ${SEED}\ndevice: ${DEVICE}\nmax_skip_fraction: ${SKIP}\n"
        + "task: ${TASK}\nmask: ${MASK}\n"
        + "sampling: {frames: ${FRAMES}, frame_step: ${STEP}, clips: ${CLIPS},"
        + " resolution: ${RESOLUTION}}\n"
        + "bootstrap: {resamples: ${RESAMPLES}, confidence: ${CONFIDENCE}}\n"
        + "datasets:\n" + dynamic(dataset)
        + "  synthetic: {kind: synthetic, cohort: adult, count: ${COUNT}, size: ${SIZE},"
        + " frames: ${SYNTHFRAMES}}\n"
        + "train: ${TRAIN}\nevaluate: ${EVALUATE}\n"
        + "models:\n  - {name: m, random_init: {encoder: ${ENCODER}}}\n"
        + "probes:\n  - {kind: attentive, epochs: ${EPOCHS}, batch: ${BATCH}, lr: ${LR},"
        + " wd: ${WD}, depth: ${DEPTH}, heads: ${HEADS}}\n"
        + "perturbations:\n  - {name: ${PERTURBATION}, severities: ${SEVERITIES}}\n";
  }

  // ------------------------------------------------------------------------------------ kinds

  @Test
  void unknownAndMissingKinds() throws IOException {
    String known = "(known: echonet-dynamic, echonet-pediatric, list-csv, synthetic)";
    kindCase(0, "kind: echonet-dynamic", "kind: echonet-dynamics", 11,
        "'datasets.adult': unknown dataset kind 'echonet-dynamics' " + known);
    kindCase(1, "    kind: echonet-dynamic\n", "", 10, "'datasets.adult' needs a 'kind', one of"
        + " echonet-dynamic, echonet-pediatric, list-csv, synthetic");
    kindCase(2, "{kind: synthetic,", "{kind: simulated,", 13,
        "unknown dataset kind 'simulated' " + known);
    kindCase(3, "count: ${COUNT},", "count: ${COUNT}, files: {test: t.csv},", 13,
        "key 'files' does not apply to a synthetic dataset (known: acquisition, biplane, cohort,"
            + " count, fps, frames, kind, seed, size, test_fold, view, views)");
    kindCase(4, "{kind: attentive,", "{kind: mlp,", 19,
        "unknown probe kind 'mlp' (known: attentive, linear, knn)");
    kindCase(5, "{kind: attentive, epochs", "{epochs", 19,
        "needs a 'kind', one of attentive, linear, knn");
    kindCase(6, "{kind: attentive,", "{kind: knn,", 19,
        "key 'epochs' does not apply to a knn probe (known: k, kind, name)");
    kindCase(7, "random_init: {", "random_inits: {", 17, "unknown key 'random_inits' (known:"
        + " checkpoint, name, pretrain, random_init, safetensors, torchscript)");
    kindCase(8, "{encoder: ${ENCODER}}}", "{encoder: ${ENCODER}}, checkpoint: zoo:x}", 17,
        "model m needs exactly one of pretrain, checkpoint, random_init, torchscript,"
            + " safetensors (found 2: random_init, checkpoint)");
    kindCase(9, "{name: m, random_init: {encoder: ${ENCODER}}}", "{name: m}", 17,
        "model m needs exactly one of pretrain, checkpoint, random_init, torchscript,"
            + " safetensors (found 0)");
    kindCase(10, "count: ${COUNT},", "count: ${COUNT}, acquisition: sometimes,", 13,
        "acquisition must be varied or fixed, not 'sometimes'");
  }

  /**
   * The template with {@code from} replaced by {@code to} is refused at {@code line} of the
   * config with {@code message}, one line, exit 2.
   */
  private static void kindCase(int n, String from, String to, int line, String message)
      throws IOException {
    assertThat(template()).contains(from);
    Path caseDir = Files.createDirectories(temp.resolve("kinds/case" + n));
    Path config = Files.writeString(caseDir.resolve("study.yaml"),
        filled(template().replace(from, to)));
    Path out = caseDir.resolve("out");
    CommandLineCapture run = CommandLineCapture.run("run", config.toString(), "--out",
        out.toString(), "--device", "cpu");
    count("kinds");
    assertRefused(run, config.toString(), caseDir, out);
    assertThat(run.errLines().stream().filter(l -> !l.startsWith("SLF4J")).findFirst())
        .hasValueSatisfying(l -> assertThat(l).startsWith("echobench: " + config + ":" + line
            + ": ").contains(message));
  }

  /** The template with every other placeholder at a valid value. */
  private static void configCase(int n, String text) throws IOException {
    Path caseDir = Files.createDirectories(temp.resolve("configs/case" + n));
    configRun(Files.writeString(caseDir.resolve("study.yaml"), filled(text)), caseDir);
  }

  /** {@code text} with every placeholder left at a valid value. */
  private static String filled(String text) {
    Map<String, String> valid = Map.ofEntries(Map.entry("SEED", "0"), Map.entry("DEVICE", "cpu"),
        Map.entry("SKIP", "0.01"), Map.entry("TASK", "lvef"), Map.entry("MASK", "full"),
        Map.entry("FRAMES", "16"), Map.entry("STEP", "1"), Map.entry("CLIPS", "1"),
        Map.entry("RESOLUTION", "32"), Map.entry("RESAMPLES", "10"),
        Map.entry("CONFIDENCE", "0.9"), Map.entry("COUNT", "8"), Map.entry("SIZE", "32"),
        Map.entry("SYNTHFRAMES", "16"), Map.entry("TRAIN", "adult"),
        Map.entry("EVALUATE", "[adult]"), Map.entry("ENCODER", "micro"),
        Map.entry("EPOCHS", "1"), Map.entry("BATCH", "4"), Map.entry("LR", "[0.001]"),
        Map.entry("WD", "[0.01]"), Map.entry("DEPTH", "1"), Map.entry("HEADS", "4"),
        Map.entry("PERTURBATION", "depth-exp"), Map.entry("SEVERITIES", "[1]"));
    for (Map.Entry<String, String> v : valid.entrySet()) {
      text = text.replace("${" + v.getKey() + "}", v.getValue());
    }
    return text;
  }

  private static void configRun(Path config, Path caseDir) {
    Path out = caseDir.resolve("out");
    CommandLineCapture run = CommandLineCapture.run("run", config.toString(), "--out",
        out.toString(), "--device", "cpu");
    count("configs");
    assertRefused(run, config.toString(), caseDir, out);
    assertThat(out).as("a refused config creates no run folder").doesNotExist();
  }

  private static List<String> concat(List<String> list, String... more) {
    List<String> all = new ArrayList<>(list);
    all.addAll(List.of(more));
    return all;
  }

  // ---------------------------------------------------------------------------------- helpers

  private static String dynamic(Path root) {
    return "  adult:\n    kind: echonet-dynamic\n    root: " + root + "\n";
  }

  /** A study over {@code datasets} with a micro encoder, refused naming a file under {@code root}. */
  private static void runStudy(String family, Path out, String datasets, Path root) {
    Path config;
    try {
      config = Files.writeString(Files.createDirectories(out.getParent()).resolve(
          out.getFileName() + ".yaml"), "name: hostile\nmax_skip_fraction: 0\n"
          + "sampling: {frames: 16, frame_step: 1, clips: 1, resolution: 32}\n"
          + "datasets:\n" + datasets + "train: adult\n"
          + "models:\n  - {name: m, random_init: {encoder: micro}}\n"
          + "probes:\n  - {kind: linear, epochs: 1, batch: 4, lr: [0.001], wd: [0.01]}\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    CommandLineCapture run = CommandLineCapture.run("run", config.toString(), "--out",
        out.toString(), "--device", "cpu");
    count(family);
    assertRefused(run, root.toString(), root, out.resolve("results.csv"));
  }

  /**
   * Exit status 2, one stderr line naming {@code named}, no stack trace, no {@code absent} output,
   * and nothing half-written (no temporary or partial file) under {@code scope}.
   */
  private static void assertRefused(CommandLineCapture run, String named, Path scope,
      Path absent) {
    List<String> lines = run.errLines().stream().filter(l -> !l.startsWith("SLF4J")).toList();
    String what = named + " → " + run.err();
    assertThat(run.exitCode()).as(what).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(lines).as(what).hasSize(1);
    assertThat(lines.get(0)).as(what).startsWith("echobench: ").contains(named)
        .doesNotContain("Exception").doesNotContain("internal error");
    assertThat(run.err()).as(what).doesNotContain("\tat ");
    assertThat(absent).as(what).doesNotExist();
    try (Stream<Path> files = Files.walk(scope)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as(what)
          .noneMatch(name -> name.endsWith(".tmp") || name.endsWith(".partial")
              || name.contains(".part."));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void count(String family) {
    CASES.computeIfAbsent(family, k -> new AtomicInteger()).incrementAndGet();
  }
}
