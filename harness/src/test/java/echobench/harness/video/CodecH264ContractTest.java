package echobench.harness.video;

import static echobench.harness.video.CodecH264Test.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.perturb.Clip;
import echobench.perturb.Perturbation;
import echobench.perturb.PerturbationSpec;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.reports.io.InputException;
import org.junit.jupiter.api.Test;

/**
 * The perturbation contract (perturb's {@code PerturbationContractTest}, DESIGN §3) for {@code
 * codec-h264}, which the harness provides: it is registered, severity 0 is the identity, the
 * output is a new clip of the same shape in {@code [0,1]}, and it is deterministic. The one
 * exception: a codec encodes the whole frame, so pixels outside the scan mask change too.
 */
class CodecH264ContractTest {
  private static final long SEED = 20261122L;
  private static final PerturbationSpec SPEC = Perturbations.spec("codec-h264");

  private static ScanMask full(Clip clip) {
    return ScanMask.full(clip.height(), clip.width());
  }

  @Test
  void theRegistryListsItAfterTheBuiltInFamilies() {
    assertThat(SPEC).isSameAs(CodecH264.SPEC);
    assertThat(Perturbations.all()).last().isSameAs(CodecH264.SPEC);
    assertThat(Perturbations.maxSeverity("depth-exp+codec-h264")).isEqualTo(3);
    assertThat(Perturbations.parse("depth-exp+codec-h264", 1).name())
        .isEqualTo("depth-exp+codec-h264");
  }

  @Test
  void severityZeroIsTheIdentity() {
    Clip clip = echo(32, 3);
    assertThat(SPEC.at(0).apply(clip, full(clip), SEED).data()).isEqualTo(clip.data());
  }

  @Test
  void outputStaysInTheUnitRangeKeepsTheShapeAndLeavesTheInputUntouched() {
    Clip clip = echo(32, 3);
    float[] before = clip.data().clone();
    for (int s = 1; s <= SPEC.maxSeverity(); s++) {
      Clip out = SPEC.at(s).apply(clip, full(clip), SEED);
      assertThat(out.data()).hasSameSizeAs(clip.data()).isNotSameAs(clip.data());
      assertThat(out.frames()).isEqualTo(clip.frames());
      assertThat(out.fps()).isEqualTo(clip.fps());
      for (float v : out.data()) {
        assertThat(v).as("severity %d", s).isBetween(0f, 1f);
      }
    }
    assertThat(clip.data()).isEqualTo(before);
  }

  @Test
  void theSeedChangesNothingAndApplyingIntoABufferEqualsApplying() {
    Clip clip = echo(32, 3);
    Perturbation p = SPEC.at(SPEC.maxSeverity());
    float[] a = p.apply(clip, full(clip), SEED).data();
    assertThat(p.apply(clip, full(clip), SEED + 1).data()).isEqualTo(a);
    float[] buffer = new float[clip.data().length];
    assertThat(p.applyInto(clip, full(clip), SEED, buffer).data()).isSameAs(buffer).isEqualTo(a);
  }

  @Test
  void theWholeFrameIsEncodedWhateverTheMask() {
    Clip clip = echo(32, 3);
    ScanMask sector = ScanMask.automatic(clip);
    assertThat(sector.count()).isLessThan(clip.planeSize());
    assertThat(SPEC.at(1).apply(clip, sector, SEED).data())
        .isEqualTo(SPEC.at(1).apply(clip, full(clip), SEED).data());
  }

  @Test
  void aSeverityOutsideTheRangeIsRejectedAndEverySeverityIsDescribed() {
    assertThatThrownBy(() -> SPEC.at(-1)).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> SPEC.at(6)).isInstanceOf(InputException.class)
        .hasMessageContaining("codec-h264");
    for (int s = 1; s <= SPEC.maxSeverity(); s++) {
      assertThat(SPEC.parametersAt(s)).contains("QP=");
      assertThat(SPEC.at(s).severity()).isEqualTo(s);
      assertThat(SPEC.at(s).name()).isEqualTo("codec-h264");
    }
  }
}
