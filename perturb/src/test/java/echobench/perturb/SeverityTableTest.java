package echobench.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.io.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityTableTest {

  @Test
  void aRenderedTableReadsBackRowForRow() {
    SeverityTable table = new SeverityTable(List.of(
        SeverityTable.Row.published("depth-exp", 1, 0.123456),
        SeverityTable.Row.calibrated("haze", 2, 4.80471, 0.2, 0.20009)));
    String csv = table.render();
    assertThat(csv).isEqualTo(SeverityTable.HEADER + "\n"
        + "published,depth-exp,1,,,0.1235\n"
        + "calibrated,haze,2,4.8047,0.2000,0.2001\n");
    SeverityTable read = SeverityTable.parse(csv, "t.csv");
    assertThat(read.rows()).isEqualTo(table.rows());
    assertThat(read.strength("haze", 2)).hasValue(4.8047);
    assertThat(read.strength("depth-exp", 1)).isEmpty();
  }

  @Test
  void aMalformedRowIsRefusedNamingSourceAndLine() {
    String csv = SeverityTable.HEADER
        + "\npublished,depth-exp,1,,,0.1\ncalibrated,haze,x,1,0.1,0.1\n";
    assertThatThrownBy(() -> SeverityTable.parse(csv, "t.csv"))
        .isInstanceOf(InputException.class).hasMessageStartingWith("t.csv:3: ");
    assertThatThrownBy(() -> SeverityTable.parse("a,b\n", "t.csv"))
        .hasMessageStartingWith("t.csv:1: ");
  }

  @Test
  void theShippedTableCoversEveryBuiltInFamilyAndCalibratesEveryContinuousOneAtFiveLevels() {
    SeverityTable shipped = SeverityTable.shipped();
    for (PerturbationSpec spec : Perturbations.all()) {
      for (int k = 1; k <= spec.maxSeverity(); k++) {
        assertThat(shipped.row(SeverityScale.PUBLISHED, spec.name(), k)).as(spec.name())
            .isPresent();
      }
      if (Perturbations.continuous(spec.name()).isPresent()) {
        for (int k = 1; k <= SeverityTable.TARGET_LOSSES.length; k++) {
          SeverityTable.Row row =
              shipped.row(SeverityScale.CALIBRATED, spec.name(), k).orElseThrow();
          assertThat(row.target()).isEqualTo(SeverityTable.TARGET_LOSSES[k - 1]);
          // A level that misses its target is one the family cannot reach: its largest strength.
          if (Math.abs(row.cnrLoss() - row.target()) > 0.02) {
            assertThat(row.cnrLoss()).isLessThan(row.target());
            assertThat(row.strength())
                .isEqualTo(Perturbations.continuous(spec.name()).orElseThrow().max());
          }
        }
      }
    }
  }

  @Test
  void theCalibratedScaleUsesTheTablesStrengthForTheSuiteAndThePublishedPresets() {
    ScanMask mask = SuiteFixtures.fanMask();
    Clip clip = SuiteFixtures.moving(1, 3, 2);
    double strength = SeverityTable.shipped().strength("haze", 3).orElseThrow();
    Perturbation calibrated = Perturbations.parse("haze", 3, SeverityScale.CALIBRATED);
    assertThat(calibrated.severity()).isEqualTo(3);
    assertThat(calibrated.apply(clip, mask, 1).data()).isEqualTo(
        Perturbations.continuous("haze").orElseThrow().at(3, strength).apply(clip, mask, 1)
            .data());
    assertThat(Perturbations.parse("depth-exp", 2, SeverityScale.CALIBRATED).apply(clip, mask, 1)
        .data()).isEqualTo(Perturbations.parse("depth-exp", 2).apply(clip, mask, 1).data());
    assertThat(Perturbations.parse("haze+depth-exp", 0, SeverityScale.CALIBRATED)
        .apply(clip, mask, 1).data()).isEqualTo(clip.data());
    assertThat(SeverityScale.parse("Calibrated")).isEqualTo(SeverityScale.CALIBRATED);
    assertThatThrownBy(() -> SeverityScale.parse("nominal"))
        .isInstanceOf(InputException.class).hasMessageContaining("published, calibrated");
  }
}
