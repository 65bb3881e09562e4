package echobench.reports.gate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every verdict of a gate run, for every pair of models it compared. */
public record GateResult(List<GateVerdict> verdicts) {
  public GateResult {
    verdicts = List.copyOf(verdicts);
  }

  /** Whether no verdict failed. */
  public boolean passed() {
    return verdicts.stream().allMatch(GateVerdict::passed);
  }

  /** How many verdicts failed. */
  public long failures() {
    return count(GateVerdict.Outcome.FAIL);
  }

  /** How many verdicts have the given outcome. */
  public long count(GateVerdict.Outcome outcome) {
    return verdicts.stream().filter(v -> v.outcome() == outcome).count();
  }

  /** The compared models as "candidate against baseline" (one name when they agree), in order. */
  public List<String> comparisons() {
    Set<String> pairs = new LinkedHashSet<>();
    for (GateVerdict v : verdicts) {
      pairs.add(v.candidateModel().equals(v.baselineModel()) ? v.candidateModel()
          : v.candidateModel() + " against " + v.baselineModel());
    }
    return List.copyOf(pairs);
  }
}
