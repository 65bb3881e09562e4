package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.synth.AcquisitionColumns;
import echobench.harness.synth.FanIntensity;
import echobench.harness.data.EchoNetPediatricDataset;
import echobench.harness.data.EchoView;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.harness.video.VideoReader;
import echobench.perturb.Clip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
  private static final String[] SMALL = {"--size", "32", "--frames", "6"};

  private static CommandLineCapture synth(String cohort, int count, Path out, long seed,
      String... extra) {
    List<String> args = new ArrayList<>(List.of("synth", "--cohort", cohort,
        "--count", Integer.toString(count), "--out", out.toString(), "--seed",
        Long.toString(seed)));
    args.addAll(List.of(SMALL));
    args.addAll(List.of(extra));
    return CommandLineCapture.run(args.toArray(String[]::new));
  }

  @Test
  void adultCohortLoadsThroughTheEchoNetDynamicLoader(@TempDir Path dir) {
    CommandLineCapture run = synth("adult", 8, dir, 5);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote 8 adult videos");

    EchoNetDynamicDataset dataset = EchoNetDynamicDataset.load(dir);
    List<Sample> samples = dataset.samples();
    assertThat(samples).hasSize(8);
    assertThat(dataset.samples(Split.TRAIN)).hasSize(6);
    assertThat(dataset.samples(Split.VAL)).hasSize(1);
    assertThat(dataset.samples(Split.TEST)).hasSize(1);
    for (Sample sample : samples) {
      double esv = Double.parseDouble(sample.metadata().get("ESV"));
      double edv = Double.parseDouble(sample.metadata().get("EDV"));
      assertThat((double) sample.ef()).isCloseTo(100 * (edv - esv) / edv, within(1e-3));
      assertThat(sample.view()).isEqualTo(EchoView.A4C.classIndex());
      assertThat(sample.video()).isEqualTo(dir.resolve("Videos").resolve(sample.id() + ".avi"));
      assertThat(sample.metadata()).containsEntry("NumberOfFrames", "6")
          .containsEntry("FrameHeight", "32").containsEntry("FPS", "50");
      assertThat(Double.parseDouble(sample.metadata().get("HeartRate"))).isBetween(50.0, 110.0);
    }
    Clip clip = VideoReader.read(samples.get(0).video());
    assertThat(clip.channels()).isEqualTo(1);
    assertThat(clip.frames()).isEqualTo(6);
    assertThat(clip.width()).isEqualTo(32);
    List<String> header = new ArrayList<>(EchoNetDynamicDataset.COLUMNS);
    header.addAll(List.of("View", "HeartRate"));
    header.addAll(AcquisitionColumns.NAMES);
    assertThat(firstLine(dir.resolve("FileList.csv"))).isEqualTo(String.join(",", header));
  }

  @Test
  void everyVideosScannerSettingsAreRecordedAndFixedHoldsThemAtOneValue(@TempDir Path dir) {
    Path varied = dir.resolve("varied");
    Path fixed = dir.resolve("fixed");
    assertThat(synth("adult", 4, varied, 5).exitCode()).isZero();
    CommandLineCapture run = synth("adult", 4, fixed, 5, "--acquisition", "fixed");
    assertThat(run.exitCode()).as(run.err()).isZero();

    List<Sample> drawn = EchoNetDynamicDataset.load(varied).samples();
    List<Sample> held = EchoNetDynamicDataset.load(fixed).samples();
    for (int i = 0; i < drawn.size(); i++) {
      Map<String, String> settings = drawn.get(i).metadata();
      // Half the sector's opening angle within 0–90°, a depth beyond the chest wall, a positive
      // dynamic range and frequency: what Acquisition accepts, read back from the file list.
      assertThat(Double.parseDouble(settings.get("SectorWidth"))).isStrictlyBetween(0.0, 180.0);
      assertThat(Double.parseDouble(settings.get("Depth"))).isPositive();
      assertThat(Double.parseDouble(settings.get("DynamicRange"))).isPositive();
      assertThat(Double.parseDouble(settings.get("Frequency"))).isPositive();
      assertThat(held.get(i).ef()).isEqualTo(drawn.get(i).ef());
      assertThat(held.get(i).id()).isEqualTo(drawn.get(i).id());
    }
    for (String column : List.of("Gain", "TGCSlope", "TGCNear", "DynamicRange", "SectorWidth",
        "Frequency", "NoiseFloor", "Clutter")) {
      assertThat(held.stream().map(s -> s.metadata().get(column)).distinct()).as(column)
          .hasSize(1);
      assertThat(drawn.stream().map(s -> s.metadata().get(column)).distinct()).as(column)
          .hasSizeGreaterThan(1);
    }
  }

  @Test
  void pediatricFileListsRecordTheSettingsToo(@TempDir Path dir) {
    assertThat(synth("pediatric", 2, dir, 3).exitCode()).isZero();
    List<String> header = new ArrayList<>(EchoNetPediatricDataset.COLUMNS);
    header.addAll(List.of("ESV", "EDV", "HeartRate"));
    header.addAll(AcquisitionColumns.NAMES);
    for (EchoView view : EchoNetPediatricDataset.VIEWS) {
      assertThat(firstLine(dir.resolve(view.name()).resolve("FileList.csv")))
          .isEqualTo(String.join(",", header));
    }
    assertThat(EchoNetPediatricDataset.load(dir).samples(EchoView.PSAX)).hasSize(2)
        .allSatisfy(s -> assertThat(s.metadata()).containsKeys("Gain", "Clutter"));
  }

  private static String firstLine(Path file) {
    try {
      return Files.readAllLines(file).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void statsMeasureTheWrittenVideosInTheirFans(@TempDir Path dir) {
    CommandLineCapture run = synth("adult", 4, dir, 5, "--stats");
    assertThat(run.exitCode()).as(run.err()).isZero();

    List<Clip> clips = EchoNetDynamicDataset.load(dir).samples().stream()
        .map(s -> VideoReader.read(s.video())).toList();
    assertThat(run.out()).contains(FanIntensity.of(clips).line());
  }

  @Test
  void adultViewsAreAssignedInTurn(@TempDir Path dir) {
    assertThat(synth("adult", 4, dir, 1, "--views", "A4C,PLAX").exitCode()).isZero();
    List<Integer> views = EchoNetDynamicDataset.load(dir).samples().stream()
        .map(Sample::view).toList();
    assertThat(views).containsExactly(EchoView.A4C.classIndex(), EchoView.PLAX.classIndex(),
        EchoView.A4C.classIndex(), EchoView.PLAX.classIndex());
  }

  @Test
  void pediatricCohortShowsEveryPatientInBothViewsWithOneEf(@TempDir Path dir) {
    CommandLineCapture run = synth("pediatric", 4, dir, 9);
    assertThat(run.exitCode()).as(run.err()).isZero();

    EchoNetPediatricDataset dataset = EchoNetPediatricDataset.load(dir);
    Map<String, Sample> a4c = byPatient(dataset.samples(EchoView.A4C));
    Map<String, Sample> psax = byPatient(dataset.samples(EchoView.PSAX));
    assertThat(a4c).hasSize(4);
    assertThat(psax.keySet()).isEqualTo(a4c.keySet());
    for (String patient : a4c.keySet()) {
      Sample first = a4c.get(patient);
      Sample second = psax.get(patient);
      assertThat(second.ef()).isEqualTo(first.ef());
      assertThat(second.metadata().get("fold")).isEqualTo(first.metadata().get("fold"));
      assertThat(second.split()).isEqualTo(first.split());
      assertThat(Integer.parseInt(first.metadata().get("fold"))).isBetween(0, 9);
      assertThat(first.metadata().get("Sex")).isIn("M", "F");
      assertThat(Integer.parseInt(first.metadata().get("Age"))).isBetween(0, 18);
      assertThat(Files.isRegularFile(first.video())).isTrue();
      assertThat(first.video().getFileName().toString()).startsWith(patient + "-").endsWith(".avi");
    }
  }

  @Test
  void sameSeedWritesTheSameCohortAndAnotherSeedAnother(@TempDir Path dir) throws IOException {
    Path first = dir.resolve("first");
    Path again = dir.resolve("again");
    Path other = dir.resolve("other");
    assertThat(synth("adult", 3, first, 7).exitCode()).isZero();
    assertThat(synth("adult", 3, again, 7).exitCode()).isZero();
    assertThat(synth("adult", 3, other, 8).exitCode()).isZero();

    byte[] list = Files.readAllBytes(first.resolve("FileList.csv"));
    assertThat(Files.readAllBytes(again.resolve("FileList.csv"))).isEqualTo(list);
    assertThat(Files.readAllBytes(other.resolve("FileList.csv"))).isNotEqualTo(list);
    List<Sample> samples = EchoNetDynamicDataset.load(first).samples();
    List<Sample> others = EchoNetDynamicDataset.load(other).samples();
    for (int i = 0; i < samples.size(); i++) {
      float[] frames = VideoReader.read(samples.get(i).video()).data();
      Path twin = again.resolve("Videos").resolve(samples.get(i).video().getFileName());
      assertThat(VideoReader.read(twin).data()).isEqualTo(frames);
      assertThat(VideoReader.read(others.get(i).video()).data()).isNotEqualTo(frames);
    }
  }

  @Test
  void badArgumentsGiveOneLineAndExitTwo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("plain.txt"), "not a folder");
    List<String[]> cases = List.of(
        new String[] {"synth", "--cohort", "adult", "--count", "-3", "--out", dir.toString()},
        new String[] {"synth", "--cohort", "neonatal", "--count", "2", "--out", dir.toString()},
        new String[] {"synth", "--cohort", "adult", "--count", "2", "--out",
            file.resolve("sub").toString()},
        new String[] {"synth", "--cohort", "pediatric", "--count", "2", "--out", dir.toString(),
            "--views", "A2C"},
        new String[] {"synth", "--cohort", "adult", "--count", "2", "--out", dir.toString(),
            "--views", "A5C"},
        new String[] {"synth", "--cohort", "adult", "--count", "two", "--out", dir.toString()},
        new String[] {"synth", "--cohort", "adult", "--count", "2", "--out", dir.toString(),
            "--frames", "2000000000"},
        new String[] {"synth", "--cohort", "adult", "--count", "2", "--out", dir.toString(),
            "--acquisition", "sometimes"});
    for (String[] args : cases) {
      CommandLineCapture run = CommandLineCapture.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(EchoBench.EXIT_BAD_INPUT);
      assertThat(run.errLines()).as(String.join(" ", args)).hasSize(1);
      assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(dir.resolve("FileList.csv")).doesNotExist();
    assertThat(CommandLineCapture.run(cases.get(0)).err()).contains("--count must be 1..100000, not -3");
    assertThat(CommandLineCapture.run(cases.get(6)).err())
        .contains("--frames must be 1..1024, not 2000000000");
    assertThat(CommandLineCapture.run(cases.get(1)).err()).contains("neonatal");
    assertThat(CommandLineCapture.run(cases.get(2)).err()).contains("plain.txt");
    assertThat(CommandLineCapture.run(cases.get(7)).err())
        .contains("--acquisition \"sometimes\" is not one of varied, fixed");
  }

  private static Map<String, Sample> byPatient(List<Sample> samples) {
    return samples.stream()
        .collect(Collectors.toMap(s -> s.metadata().get("patient"), Function.identity()));
  }
}
