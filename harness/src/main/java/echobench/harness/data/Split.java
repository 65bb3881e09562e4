package echobench.harness.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of a dataset a sample belongs to: probes are fitted on {@link #TRAIN}, their
 * hyper-parameters chosen on {@link #VAL}, and every reported figure comes from {@link #TEST}.
 */
public enum Split {
  TRAIN,
  VAL,
  TEST;

  /** The split written as {@code text} (case-insensitive, as EchoNet-Dynamic spells it). */
  public static Optional<Split> named(String text) {
    String wanted = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
  }
}
