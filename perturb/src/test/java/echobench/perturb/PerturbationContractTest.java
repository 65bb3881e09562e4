package echobench.perturb;

import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.moving;
import static echobench.perturb.SuiteFixtures.plane;
import static echobench.perturb.SuiteFixtures.still;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The properties DESIGN §3 demands of every registered perturbation, at every severity. */
class PerturbationContractTest {
  private static final long SEED = 20261122L;

  /** The families whose output depends on the seed. */
  private static final Set<String> RANDOM =
      Set.of("shadow-gauss", "shadow-band", "rib-shadow", "speckle", "frame-drop");

  /** The families that draw nothing at random. */
  private static final Set<String> DETERMINISTIC =
      Set.of("depth-exp", "depth-linear", "depth-power", "attenuation-db", "speckle-reduction",
          "haze", "reverberation", "compression");

  /** The families whose artifact changes from frame to frame by design. */
  private static final Set<String> TEMPORAL = Set.of("speckle");

  static Stream<PerturbationSpec> specs() {
    return Perturbations.all().stream();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void severityZeroIsTheIdentity(PerturbationSpec spec) {
    Clip clip = moving(3, 4, 1);
    assertThat(spec.at(0).apply(clip, fanMask(), SEED).data()).isEqualTo(clip.data());
  }

  @ParameterizedTest
  @MethodSource("specs")
  void outputStaysInTheUnitRangeAndKeepsTheShape(PerturbationSpec spec) {
    for (int channels : new int[] {1, 3}) {
      Clip clip = moving(channels, 4, 2);
      for (int s = 1; s <= spec.maxSeverity(); s++) {
        Clip out = spec.at(s).apply(clip, fanMask(), SEED);
        assertThat(out.data()).hasSameSizeAs(clip.data());
        assertThat(out.frames()).isEqualTo(clip.frames());
        assertThat(out.fps()).isEqualTo(clip.fps());
        for (float v : out.data()) {
          assertThat(v).as("%s severity %d", spec.name(), s).isBetween(0f, 1f);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void pixelsOutsideTheSectorNeverChange(PerturbationSpec spec) {
    ScanMask mask = fanMask();
    assertThat(mask.count()).isLessThan(SuiteFixtures.HEIGHT * SuiteFixtures.WIDTH * 3 / 4);
    for (int channels : new int[] {1, 3}) {
      Clip clip = moving(channels, 8, 3);
      for (int s = 1; s <= spec.maxSeverity(); s++) {
        Clip out = spec.at(s).apply(clip, mask, SEED);
        for (int i = 0; i < clip.data().length; i++) {
          if (!mask.contains(i % clip.planeSize())) {
            assertThat(out.data()[i]).as("%s severity %d voxel %d", spec.name(), s, i)
                .isEqualTo(clip.data()[i]);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void theInputClipIsLeftUntouched(PerturbationSpec spec) {
    Clip clip = moving(3, 4, 4);
    float[] before = clip.data().clone();
    spec.at(spec.maxSeverity()).apply(clip, fanMask(), SEED);
    assertThat(clip.data()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void theSameSeedGivesBitIdenticalOutput(PerturbationSpec spec) {
    Clip clip = moving(3, 8, 5);
    for (int s = 1; s <= spec.maxSeverity(); s++) {
      Perturbation p = spec.at(s);
      assertThat(p.apply(clip, fanMask(), SEED).data())
          .isEqualTo(spec.at(s).apply(clip, fanMask(), SEED).data());
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void applyingIntoAReusedBufferEqualsApplying(PerturbationSpec spec) {
    Clip clip = moving(3, 8, 5);
    float[] buffer = new float[clip.data().length];
    for (int s = 0; s <= spec.maxSeverity(); s++) {
      Perturbation p = spec.at(s);
      Clip into = p.applyInto(clip, fanMask(), SEED, buffer);
      assertThat(into.data()).isSameAs(buffer).isEqualTo(p.apply(clip, fanMask(), SEED).data());
    }
    assertThatThrownBy(() -> spec.at(1).applyInto(clip, fanMask(), SEED, clip.data()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> spec.at(1).applyInto(clip, fanMask(), SEED, new float[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void anotherSeedGivesAnotherDrawWhereTheFamilyIsRandom(PerturbationSpec spec) {
    Clip clip = moving(1, 8, 6);
    Perturbation p = spec.at(spec.maxSeverity());
    float[] a = p.apply(clip, fanMask(), SEED).data();
    float[] b = p.apply(clip, fanMask(), SEED + 1).data();
    if (RANDOM.contains(spec.name())) {
      assertThat(a).isNotEqualTo(b);
    } else if (DETERMINISTIC.contains(spec.name())) {
      assertThat(a).isEqualTo(b);
    } else {
      // gain flips one coin per clip (over or under); GainTest checks that both sides occur
      assertThat(spec.name()).isEqualTo("gain");
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void aStillClipStaysStillUnlessTheArtifactIsTemporal(PerturbationSpec spec) {
    Clip clip = still(3, 5, 7);
    for (int s = 1; s <= spec.maxSeverity(); s++) {
      Clip out = spec.at(s).apply(clip, fanMask(), SEED);
      boolean identicalFrames = true;
      for (int c = 0; c < 3; c++) {
        for (int t = 1; t < out.frames(); t++) {
          identicalFrames &= Arrays.equals(plane(out, c, t), plane(out, c, 0));
        }
      }
      assertThat(identicalFrames).as("%s severity %d", spec.name(), s)
          .isEqualTo(!TEMPORAL.contains(spec.name()));
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void aSeverityOutsideTheRangeIsRejected(PerturbationSpec spec) {
    assertThatThrownBy(() -> spec.at(-1)).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> spec.at(spec.maxSeverity() + 1))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(spec.name());
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everySeverityHasItsParametersDescribed(PerturbationSpec spec) {
    for (int s = 1; s <= spec.maxSeverity(); s++) {
      assertThat(spec.parametersAt(s)).isNotBlank();
      assertThat(spec.at(s).severity()).isEqualTo(s);
      assertThat(spec.at(s).name()).isEqualTo(spec.name());
    }
  }
}
