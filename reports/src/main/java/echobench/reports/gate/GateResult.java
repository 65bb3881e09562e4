package echobench.reports.gate;

import java.util.List;

/**
 * Every verdict of a gate run and the models it compared.
 *
 * @param baselineModel the model read from the baseline results
 * @param candidateModel the model read from the candidate results
 */
public record GateResult(String baselineModel, String candidateModel, List<GateVerdict> verdicts) {
  public GateResult {
    verdicts = List.copyOf(verdicts);
  }

  /** Whether every verdict passed. */
  public boolean passed() {
    return verdicts.stream().allMatch(GateVerdict::passed);
  }

  /** How many verdicts failed. */
  public long failures() {
    return verdicts.stream().filter(v -> !v.passed()).count();
  }
}
