package echobench.harness.cli;

import echobench.perturb.ContinuousSeverity;
import echobench.perturb.PerturbationSpec;
import echobench.perturb.Perturbations;
import echobench.perturb.SeverityScale;
import echobench.perturb.SeverityTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry as an aligned plain-text table for {@code perturb --list}: one block per
 * perturbation (its name and summary), then one row per severity with the cavity–myocardium CNR
 * loss it gives on simulated clips ({@link SeverityTable}) and its parameters, then, for a
 * calibrated suite family, its calibrated levels ({@code cal k}) the same way.
 */
final class PerturbationTable {
  private static final String NAME_HEADER = "PERTURBATION";
  private static final String SEVERITY_HEADER = "SEVERITY";
  private static final String LOSS_HEADER = "CNR LOSS";

  private PerturbationTable() {}

  static String render(List<PerturbationSpec> specs, SeverityTable severities) {
    int nameWidth = NAME_HEADER.length();
    for (PerturbationSpec s : specs) {
      nameWidth = Math.max(nameWidth, s.name().length());
    }
    String row = "%-" + nameWidth + "s  %" + SEVERITY_HEADER.length() + "s  %"
        + LOSS_HEADER.length() + "s  %s%n";
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, row, NAME_HEADER, SEVERITY_HEADER, LOSS_HEADER,
        "PARAMETERS"));
    for (PerturbationSpec s : specs) {
      table.append(String.format(Locale.ROOT, row, s.name(), "", "", s.summary()));
      for (int k = 1; k <= s.maxSeverity(); k++) {
        table.append(String.format(Locale.ROOT, row, "", k,
            loss(severities.row(SeverityScale.PUBLISHED, s.name(), k)), s.parametersAt(k)));
      }
      Optional<ContinuousSeverity> continuous = Perturbations.continuous(s.name());
      for (int k = 1; k <= s.maxSeverity() && continuous.isPresent(); k++) {
        Optional<SeverityTable.Row> level = severities.row(SeverityScale.CALIBRATED, s.name(), k);
        if (level.isPresent()) {
          table.append(String.format(Locale.ROOT, row, "", "cal " + k, loss(level),
              continuous.get().parametersAt(level.get().strength())));
        }
      }
    }
    return table.toString();
  }

  private static String loss(Optional<SeverityTable.Row> row) {
    return row.map(r -> String.format(Locale.ROOT, "%.1f %%", 100 * r.cnrLoss())).orElse("-");
  }
}
