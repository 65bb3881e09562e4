package echobench.reports.gate;

import echobench.reports.stats.ConfidenceInterval;

/**
 * The outcome of one rule for one pair of models on one dataset and task.
 *
 * @param baselineModel the model read from the baseline
 * @param candidateModel the model read from the candidate
 * @param dataset the dataset, or the rule's glob when it matched none
 * @param task the task, or "" when the rule matched no dataset
 * @param baseline the baseline's value (NaN when missing or undefined)
 * @param candidate the candidate's value (NaN when missing or undefined)
 * @param worsening the point worsening with its paired-bootstrap interval (NaN ends when the runs
 *     carry no comparable predictions)
 * @param outcome pass, fail, or not comparable
 * @param detail why it failed or is not comparable, or "" when it passed
 */
public record GateVerdict(
    GateRule rule,
    String baselineModel,
    String candidateModel,
    String dataset,
    String task,
    double baseline,
    double candidate,
    ConfidenceInterval worsening,
    Outcome outcome,
    String detail) {

  /** How a rule came out. */
  public enum Outcome {
    /** Within the allowance. */
    PASS,
    /** Beyond the allowance, or the candidate lacks the value, or the rule checks nothing. */
    FAIL,
    /** Undefined in a run (an AUROC on one class, a condition neither run has). */
    NOT_COMPARABLE
  }

  /** Whether the verdict does not fail the gate. */
  public boolean passed() {
    return outcome != Outcome.FAIL;
  }
}
