package echobench.reports;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a probe was fitted on, as its model name says (the tables have no column for it, so a
 * results table written before label efficiency reads unchanged):
 *
 * <ul>
 *   <li>{@code <encoder>/<probe>}: all of the train dataset's TRAIN split (the default);
 *   <li>{@code <encoder>/<probe>@labels=<fraction>:seed=<s>}: a stratified subset holding {@code
 *       fraction} of TRAIN, drawn with label seed {@code s} (1, 2, …), selected on the full VAL;
 *   <li>{@code <encoder>/<probe>+ft}: fine-tuned, fitted on the evaluated dataset's own training
 *       folds, beside the zero-shot {@code <encoder>/<probe>} fitted on the train dataset.
 * </ul>
 *
 * @param base the model name without the suffix
 * @param labelFraction the share of TRAIN fitted on, in {@code (0, 1]}
 * @param labelSeed which draw of that share, from 1
 * @param fineTuned whether fitted on the evaluated dataset's own training folds
 */
public record TrainingVariant(String base, double labelFraction, int labelSeed,
    boolean fineTuned) {
  /** The suffix of a fine-tuned probe's model name. */
  public static final String FINE_TUNED = "+ft";

  private static final Pattern LABELS =
      Pattern.compile("(.+)@labels=([0-9]*\\.?[0-9]+(?:[eE]-?[0-9]+)?):seed=([1-9][0-9]*)");

  /** @throws IllegalArgumentException for a fraction outside (0, 1] or a seed below 1 */
  public TrainingVariant {
    if (!(labelFraction > 0 && labelFraction <= 1)) {
      throw new IllegalArgumentException("label fraction must lie in (0, 1], not " + labelFraction);
    }
    if (labelSeed < 1) {
      throw new IllegalArgumentException("label seed must be 1 or more, not " + labelSeed);
    }
    if (fineTuned && labelFraction < 1) {
      throw new IllegalArgumentException("a fine-tuned probe is fitted on all its training folds");
    }
  }

  /** The variant {@code model} names; a plain name is all of TRAIN. */
  public static TrainingVariant parse(String model) {
    if (model.endsWith(FINE_TUNED) && model.length() > FINE_TUNED.length()) {
      return new TrainingVariant(model.substring(0, model.length() - FINE_TUNED.length()), 1, 1,
          true);
    }
    Matcher m = LABELS.matcher(model);
    if (m.matches()) {
      double fraction = Double.parseDouble(m.group(2));
      if (fraction > 0 && fraction < 1) {
        return new TrainingVariant(m.group(1), fraction, Integer.parseInt(m.group(3)), false);
      }
    }
    return new TrainingVariant(model, 1, 1, false);
  }

  /** The model-name suffix of a probe fitted on a share of TRAIN by a label seed; "" for all. */
  public static String labelSuffix(double fraction, int seed) {
    return fraction == 1 ? "" : "@labels=" + fractionText(fraction) + ":seed=" + seed;
  }

  /** {@code fraction} as the shortest plain decimal ({@code 0.1}, {@code 0.01}, {@code 1}). */
  public static String fractionText(double fraction) {
    return BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString();
  }

  /** Whether the probe was fitted on a subset of TRAIN. */
  public boolean isSubset() {
    return labelFraction < 1;
  }

  /** The model name of this variant. */
  public String model() {
    return base + (fineTuned ? FINE_TUNED : labelSuffix(labelFraction, labelSeed));
  }
}
