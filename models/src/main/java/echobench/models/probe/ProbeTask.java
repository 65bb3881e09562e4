package echobench.models.probe;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a probe predicts: one continuous target (regression, e.g. ejection fraction) or one of
 * {@code classes} labels (classification, e.g. the echo view).
 *
 * @param kind regression or classification
 * @param classes the number of classes; 1 for regression
 */
public record ProbeTask(Kind kind, int classes) {

  /** The two kinds of target. */
  public enum Kind {
    REGRESSION,
    CLASSIFICATION
  }

  public ProbeTask {
    if (kind == Kind.REGRESSION && classes != 1) {
      throw new IllegalArgumentException("a regression task has one output, not " + classes);
    }
    if (kind == Kind.CLASSIFICATION && classes < 2) {
      throw new IllegalArgumentException("a classification task needs at least 2 classes");
    }
  }

  /** A single continuous target. */
  public static ProbeTask regression() {
    return new ProbeTask(Kind.REGRESSION, 1);
  }

  /** Labels {@code 0..classes-1}. */
  public static ProbeTask classification(int classes) {
    return new ProbeTask(Kind.CLASSIFICATION, classes);
  }

  @JsonIgnore
  public boolean isRegression() {
    return kind == Kind.REGRESSION;
  }

  /** The width of the probe's output layer: 1 for regression, else the number of classes. */
  public int outputs() {
    return classes;
  }

  /**
   * Checks that {@code label} is valid for this task: finite, and for classification an integer in
   * {@code 0..classes-1}.
   *
   * @throws IllegalArgumentException naming the sample otherwise
   */
  public void checkLabel(String sampleId, float label) {
    if (!Float.isFinite(label)) {
      throw new IllegalArgumentException("sample " + sampleId + " has a non-finite label");
    }
    if (kind == Kind.CLASSIFICATION
        && (label != Math.rint(label) || label < 0 || label >= classes)) {
      throw new IllegalArgumentException(
          "sample " + sampleId + " has label " + label + ", not a class in 0.." + (classes - 1));
    }
  }
}
