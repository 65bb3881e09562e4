package echobench.reports.stats;

/**
 * Model A against model B on the same videos: the mean difference of their per-video absolute
 * errors (A − B; negative means A is closer to the target) with its paired-bootstrap interval,
 * and the two-sided Wilcoxon signed-rank p-value.
 */
public record ModelComparison(ConfidenceInterval meanErrorDifference, double wilcoxonP, int n) {}
