package echobench.reports;

import java.util.Comparator;

/**
 * One evaluation condition: a perturbation (or a composition {@code a+b}) at a severity. The clean
 * condition is {@code none} at severity 0; a perturbation at severity 0 is the identity and does
 * not count as perturbed.
 *
 * <p>For multi-view samples a condition may be scoped to one view: {@code view} names it (e.g.
 * {@code A4C}) and only that view's video is perturbed, the others are seen clean; a condition
 * without a view perturbs every video of a sample. Its label appends the view in brackets, {@code
 * depth-exp@3[A4C]}; an unscoped condition's label is unchanged.
 *
 * @param perturbation the perturbation's name, or {@code none}
 * @param severity its severity
 * @param view the one view perturbed, or {@code null} for all of them
 */
public record Condition(String perturbation, int severity, String view)
    implements Comparable<Condition> {
  /** The name of the clean condition's perturbation. */
  public static final String NONE = "none";

  /** The unperturbed data. */
  public static final Condition CLEAN = new Condition(NONE, 0);

  private static final Comparator<Condition> ORDER =
      Comparator.comparing((Condition c) -> !c.isClean())
          .thenComparing(Condition::perturbation)
          .thenComparingInt(Condition::severity)
          .thenComparing(Condition::view, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * @throws IllegalArgumentException for a blank perturbation, a negative severity, {@code none}
   *     at a severity other than 0, or a blank view or a view on {@code none}
   */
  public Condition {
    if (perturbation == null || perturbation.isBlank()) {
      throw new IllegalArgumentException("perturbation name is empty");
    }
    if (severity < 0) {
      throw new IllegalArgumentException("severity " + severity + " is negative");
    }
    if (perturbation.equals(NONE) && severity != 0) {
      throw new IllegalArgumentException("perturbation 'none' has severity 0, not " + severity);
    }
    if (view != null && (view.isBlank() || perturbation.equals(NONE))) {
      throw new IllegalArgumentException(
          "view \"" + view + "\" on " + perturbation + ": a view scopes a named perturbation");
    }
  }

  /** The condition on every view of a sample. */
  public Condition(String perturbation, int severity) {
    this(perturbation, severity, null);
  }

  /** This condition confined to {@code view}. */
  public Condition onView(String view) {
    return new Condition(perturbation, severity, view);
  }

  /**
   * Whether this condition's perturbation is applied to a video of {@code videoView}: never when
   * clean, always when unscoped, else when the views match.
   */
  public boolean appliesTo(String videoView) {
    return !isClean() && (view == null || view.equals(videoView));
  }

  /**
   * The {@code perturbation} column of the tables: the perturbation's name, followed by {@code
   * [VIEW]} for a condition scoped to one view ({@code depth-exp[A4C]}); read back by {@link
   * #fromColumns}.
   */
  public String perturbationColumn() {
    return view == null ? perturbation : perturbation + "[" + view + "]";
  }

  /**
   * The condition written as {@code perturbationColumn} and {@code severity} in a table: a
   * trailing {@code [VIEW]} on the perturbation scopes it to that view.
   *
   * @throws IllegalArgumentException for an invalid condition or a malformed view suffix
   */
  public static Condition fromColumns(String perturbationColumn, int severity) {
    int open = perturbationColumn.indexOf('[');
    if (open < 0) {
      return new Condition(perturbationColumn, severity);
    }
    if (!perturbationColumn.endsWith("]") || open != perturbationColumn.lastIndexOf('[')) {
      throw new IllegalArgumentException("perturbation \"" + perturbationColumn
          + "\": a view is written as one trailing [VIEW]");
    }
    return new Condition(perturbationColumn.substring(0, open), severity,
        perturbationColumn.substring(open + 1, perturbationColumn.length() - 1));
  }

  /** Whether this is the unperturbed data. */
  public boolean isClean() {
    return perturbation.equals(NONE);
  }

  /** Whether the data is actually changed: a named perturbation at a severity above 0. */
  public boolean isPerturbed() {
    return !isClean() && severity > 0;
  }

  /**
   * {@code clean}, or {@code name@severity} as in {@code depth-exp@3}, followed by {@code [VIEW]}
   * for a condition scoped to one view.
   */
  public String label() {
    return isClean() ? "clean" : perturbation + "@" + severity + (view == null ? "" : "[" + view
        + "]");
  }

  /** Clean first, then by perturbation name and severity. */
  @Override
  public int compareTo(Condition other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return label();
  }
}
