package echobench.models.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import echobench.models.Float16;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoreTest {
  private static final String PRODUCER = "a1b2c3";

  @TempDir Path dir;
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private Path write(FeatureSource set, FeatureStore.Dtype dtype, String name) throws IOException {
    Path file = dir.resolve(name);
    try (FeatureStore.Writer writer =
        FeatureStore.create(file, set.layout(), set.task(), dtype, PRODUCER)) {
      float[] tokens = new float[set.layout().sampleFloats()];
      for (int s = 0; s < set.size(); s++) {
        set.read(s, 0, tokens, 0, tokens.length);
        writer.add(new FeatureSample(set.id(s), tokens.clone(), set.viewPresent(s),
            set.label(s)));
      }
      writer.finish();
    }
    return file;
  }

  @Test
  void float32RoundTripIsExactAndFloat16IsWithinHalfRounding() throws IOException {
    FeatureSet set = new SyntheticEf(3).videos(12, 2, 4);
    FeatureLayout layout = set.layout();
    try (FeatureStore f32 = FeatureStore.open(write(set, FeatureStore.Dtype.FLOAT32, "a"), PRODUCER);
        FeatureStore f16 = FeatureStore.open(write(set, FeatureStore.Dtype.FLOAT16, "b"),
            PRODUCER)) {
      assertThat(f32.layout()).isEqualTo(layout);
      assertThat(f16.task()).isEqualTo(ProbeTask.regression());
      assertThat(f16.size()).isEqualTo(12);
      assertThat(f32.labels()).containsExactly(set.labels());
      // Header + tokens at 4 and 2 bytes: the float16 file holds exactly half the token bytes.
      long tokenBytes = 12L * layout.sampleFloats();
      assertThat(Files.size(dir.resolve("a")) - Files.size(dir.resolve("b")))
          .isEqualTo(2 * tokenBytes);
      float[] exact = new float[layout.sampleFloats()];
      float[] half = new float[layout.sampleFloats()];
      for (int s = 0; s < set.size(); s++) {
        assertThat(f16.id(s)).isEqualTo(set.id(s));
        f32.read(s, 0, exact, 0, exact.length);
        f16.read(s, 0, half, 0, half.length);
        assertThat(exact).containsExactly(set.sample(s).tokens());
        for (int i = 0; i < half.length; i++) {
          float v = exact[i];
          // binary16 keeps 11 significant bits: the error is at most half a unit in the last place.
          float halfUlp = Math.max(Math.ulp(v) * (1 << 13) / 2, 0x1p-25f);
          assertThat(Math.abs(half[i] - v)).isLessThanOrEqualTo(halfUlp);
        }
      }
      // A window inside a sample: clip 1's tokens.
      float[] clip = new float[layout.clipFloats()];
      f32.read(5, layout.offset(0, 1), clip, 0, clip.length);
      for (int i = 0; i < clip.length; i++) {
        assertThat(clip[i]).isEqualTo(set.sample(5).tokens()[layout.offset(0, 1) + i]);
      }
      assertThat(f16.pooled(3)).hasSize(layout.dim());
      assertThat(f32.pooled(3)).containsExactly(set.pooled(3));
    }
  }

  @Test
  void halfConversionRoundsToNearestEvenAndInvertsEveryHalf() {
    assertThat(Float16.fromFloat(1f)).isEqualTo((short) 0x3C00);
    assertThat(Float16.fromFloat(-2f)).isEqualTo((short) 0xC000);
    assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7BFF);
    assertThat(Float16.fromFloat(65520f)).isEqualTo((short) 0x7C00);
    assertThat(Float16.fromFloat(0x1p-24f)).isEqualTo((short) 0x0001);
    assertThat(Float16.fromFloat(0x1p-26f)).isEqualTo((short) 0);
    // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties go to the even mantissa (1).
    assertThat(Float16.fromFloat(1 + 0x1p-11f)).isEqualTo((short) 0x3C00);
    assertThat(Float16.fromFloat(1 + 3 * 0x1p-11f)).isEqualTo((short) 0x3C02);
    assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.NaN)))).isTrue();
    for (int bits = 0; bits < 0x10000; bits++) {
      float value = Float16.toFloat(bits);
      if (!Float.isNaN(value)) {
        assertThat(Float16.fromFloat(value) & 0xFFFF).isEqualTo(bits);
      }
    }
  }

  @Test
  void aProbeStreamedFromTheStoreEqualsTheOneTrainedInMemory() throws IOException {
    SyntheticEf task = new SyntheticEf(5);
    FeatureSet train = task.videos(40, 2, 1);
    FeatureSet validation = task.videos(16, 2, 2);
    ProbeTraining training = ProbeSets.training(2, 8, List.of(1e-3, 3e-3), List.of(0.01));
    try (FeatureStore trainStore =
            FeatureStore.open(write(train, FeatureStore.Dtype.FLOAT32, "train"), PRODUCER);
        FeatureStore valStore =
            FeatureStore.open(write(validation, FeatureStore.Dtype.FLOAT32, "val"), PRODUCER);
        AttentiveProbe inMemory = AttentiveProbe.train(
            train, validation, new AttentiveProbeConfig(1, 4, 2.0), training, manager);
        AttentiveProbe streamed = AttentiveProbe.train(
            trainStore, valStore, new AttentiveProbeConfig(1, 4, 2.0), training, manager);
        LinearProbe linearInMemory = LinearProbe.train(train, validation, training, manager);
        LinearProbe linearStreamed = LinearProbe.train(trainStore, valStore, training, manager)) {
      assertThat(streamed.selection()).isEqualTo(inMemory.selection());
      assertThat(streamed.predict(valStore).outputs())
          .isDeepEqualTo(inMemory.predict(validation).outputs());
      assertThat(linearStreamed.selection()).isEqualTo(linearInMemory.selection());
      assertThat(linearStreamed.predict(valStore).outputs())
          .isDeepEqualTo(linearInMemory.predict(validation).outputs());
      // Equal predictions on every sample follow from equal weights; check the weights too.
      streamed.save(dir.resolve("streamed"));
      inMemory.save(dir.resolve("memory"));
      assertThat(Files.readAllBytes(dir.resolve("streamed").resolve(ProbeFiles.WEIGHTS)))
          .isEqualTo(Files.readAllBytes(dir.resolve("memory").resolve(ProbeFiles.WEIGHTS)));
    }
  }

  @Test
  void aTruncatedForeignOrOtherProducersFileIsRefusedInOneLine() throws IOException {
    FeatureSet set = new SyntheticEf(3).videos(4, 1, 4);
    Path good = write(set, FeatureStore.Dtype.FLOAT16, "good");

    assertThatThrownBy(() -> FeatureStore.open(good, "another-producer"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(good + ": feature store refused: it holds the features of "
            + PRODUCER)
        .hasMessageNotContaining("\n");

    Path truncated = dir.resolve("truncated");
    Files.copy(good, truncated);
    try (FileChannel channel = FileChannel.open(truncated, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(good) - 7);
    }
    assertThatThrownBy(() -> FeatureStore.open(truncated, PRODUCER))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(truncated + ": feature store refused: it is "
            + (Files.size(good) - 7) + " bytes, its header says " + Files.size(good))
        .hasMessageNotContaining("\n");

    Path headerOnly = dir.resolve("short");
    Files.write(headerOnly, new byte[100]);
    assertThatThrownBy(() -> FeatureStore.open(headerOnly, PRODUCER))
        .hasMessageContaining("shorter than a header");

    Path foreign = dir.resolve("foreign");
    byte[] bytes = Files.readAllBytes(good);
    byte[] npy = "\u0093NUMPY".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(npy, 0, bytes, 0, npy.length);
    Files.write(foreign, bytes);
    assertThatThrownBy(() -> FeatureStore.open(foreign, PRODUCER))
        .isInstanceOf(InputException.class)
        .hasMessage(foreign + ": feature store refused: not an EchoBench feature store;"
            + " delete it or run without --resume");

    Path garbledIndex = dir.resolve("garbled");
    byte[] garbled = Files.readAllBytes(good);
    garbled[garbled.length - 2] = '#';
    Files.write(garbledIndex, garbled);
    assertThatThrownBy(() -> FeatureStore.open(garbledIndex, PRODUCER))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(garbledIndex + ": feature store refused: unreadable")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anUnfinishedWriterLeavesNothingUnderEitherName() throws IOException {
    FeatureSet set = new SyntheticEf(3).videos(2, 1, 4);
    Path file = dir.resolve("never");
    try (FeatureStore.Writer writer = FeatureStore.create(file, set.layout(), set.task(),
        FeatureStore.Dtype.FLOAT32, PRODUCER)) {
      writer.add(set.sample(0));
    }
    assertThat(file).doesNotExist();
    assertThat(dir.resolve("never" + FeatureStore.PARTIAL)).doesNotExist();
  }
}
