package echobench.harness.cli;

import echobench.perturb.PerturbationSpec;
import java.util.List;
import java.util.Locale;

/**
 * The registry as an aligned plain-text table for {@code perturb --list}: one block per
 * perturbation (its name and summary), then one row per severity with its parameters.
 */
final class PerturbationTable {
  private static final String NAME_HEADER = "PERTURBATION";
  private static final String SEVERITY_HEADER = "SEVERITY";

  private PerturbationTable() {}

  static String render(List<PerturbationSpec> specs) {
    int nameWidth = NAME_HEADER.length();
    for (PerturbationSpec s : specs) {
      nameWidth = Math.max(nameWidth, s.name().length());
    }
    String row = "%-" + nameWidth + "s  %" + SEVERITY_HEADER.length() + "s  %s%n";
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, row, NAME_HEADER, SEVERITY_HEADER, "PARAMETERS"));
    for (PerturbationSpec s : specs) {
      table.append(String.format(Locale.ROOT, row, s.name(), "", s.summary()));
      for (int k = 1; k <= s.maxSeverity(); k++) {
        table.append(String.format(Locale.ROOT, row, "", k, s.parametersAt(k)));
      }
    }
    return table.toString();
  }
}
