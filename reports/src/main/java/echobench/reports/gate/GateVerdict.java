package echobench.reports.gate;

/**
 * The outcome of one rule on one dataset and task.
 *
 * @param dataset the dataset, or the rule's glob when it matched none
 * @param task the task, or "" when the rule matched no dataset
 * @param baseline the baseline's value (NaN when missing)
 * @param candidate the candidate's value (NaN when missing)
 * @param worsening how much the candidate is worse (NaN when it cannot be computed)
 * @param passed whether the worsening is within the rule's allowance
 * @param detail why it failed, or "" when it passed
 */
public record GateVerdict(
    GateRule rule,
    String dataset,
    String task,
    double baseline,
    double candidate,
    double worsening,
    boolean passed,
    String detail) {}
