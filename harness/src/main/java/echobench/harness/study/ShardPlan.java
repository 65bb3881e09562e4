package echobench.harness.study;

import echobench.reports.Condition;
import echobench.reports.io.InputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of a study one process does ({@code echobench run --shard I/N}, DESIGN §9). The work
 * is listed in a fixed order from the config alone — first every probe fit (train dataset, then
 * each {@code fine_tune} dataset; model; probe; label subset), then every evaluation group
 * (evaluated dataset; condition; model) — and unit {@code j} of that list belongs to shard {@code
 * j mod N}. A probe fit also builds its model's TRAIN/VAL feature stores when they are missing, and
 * an evaluation group needs every probe of its model: a shard takes such an input from the cache
 * when another shard has made it, and otherwise makes it itself under the input's lock, so no
 * input is made twice and none waits on a shard that is not running.
 *
 * <p>{@link #WHOLE} ({@code 0/1}) is the whole study in one process.
 */
public final class ShardPlan {
  /** The whole study in one process. */
  public static final ShardPlan WHOLE = new ShardPlan(0, 1);

  private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  private final int index;
  private final int count;

  private ShardPlan(int index, int count) {
    this.index = index;
    this.count = count;
  }

  /**
   * Parses {@code I/N}: shard {@code I} of {@code N}, counted from 0 (a SLURM array index or a
   * Kubernetes job completion index).
   *
   * @throws InputException for any other text, {@code N < 1} or {@code I >= N}
   */
  public static ShardPlan parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new InputException("--shard " + text + ": expected I/N, shard I of N counted from 0"
          + " (for example 0/8 ... 7/8)");
    }
    int index = Integer.parseInt(m.group(1));
    int count = Integer.parseInt(m.group(2));
    if (count < 1 || index >= count) {
      throw new InputException("--shard " + text + ": I must lie in 0.." + (count - 1)
          + " for N = " + count);
    }
    return new ShardPlan(index, count);
  }

  /** This shard's index, from 0. */
  public int index() {
    return index;
  }

  /** The number of shards. */
  public int count() {
    return count;
  }

  /** Whether this plan is the whole study ({@code 0/1}). */
  public boolean isWhole() {
    return count == 1;
  }

  /** {@code I/N}. */
  @Override
  public String toString() {
    return index + "/" + count;
  }

  /** The units of {@code config}'s work this shard does. */
  Units units(StudyConfig config) {
    List<String> all = new ArrayList<>(allUnits(config));
    Set<String> mine = new HashSet<>();
    for (int j = index; j < all.size(); j += count) {
      mine.add(all.get(j));
    }
    return new Units(isWhole(), mine);
  }

  /** Every unit of the study, in plan order. */
  static List<String> allUnits(StudyConfig config) {
    Set<String> units = new LinkedHashSet<>();
    List<String> fitted = new ArrayList<>();
    fitted.add(config.train());
    fitted.addAll(config.fineTuned());
    for (String dataset : fitted) {
      List<LabelSubset> subsets = dataset.equals(config.train()) ? config.labelSubsets()
          : List.of(LabelSubset.ALL);
      for (ModelConfig model : config.models()) {
        for (ProbeSpec probe : config.probes()) {
          for (LabelSubset subset : subsets) {
            units.add(fit(dataset, model.name(), probe.name(), subset.suffix()));
          }
        }
      }
    }
    for (String dataset : config.evaluate()) {
      for (Condition condition : config.conditions()) {
        for (ModelConfig model : config.models()) {
          units.add(evaluate(dataset, model.name(), condition));
        }
      }
    }
    return List.copyOf(units);
  }

  private static String fit(String dataset, String model, String probe, String subset) {
    return "fit " + dataset + " " + model + "/" + probe + subset;
  }

  private static String evaluate(String dataset, String model, Condition condition) {
    return "evaluate " + dataset + " " + model + " " + condition.label();
  }

  /** The units one shard does; everything for the whole study. */
  static final class Units {
    private final boolean whole;
    private final Set<String> mine;

    private Units(boolean whole, Set<String> mine) {
      this.whole = whole;
      this.mine = Set.copyOf(mine);
    }

    /** Whether these are the whole study's units. */
    boolean whole() {
      return whole;
    }

    /** Whether this shard fits {@code probe} (label subset {@code subset}) on {@code dataset}. */
    boolean fits(String dataset, String model, String probe, String subset) {
      return whole || mine.contains(fit(dataset, model, probe, subset));
    }

    /** Whether this shard evaluates {@code model}'s probes on {@code dataset} under {@code c}. */
    boolean evaluates(String dataset, String model, Condition condition) {
      return whole || mine.contains(evaluate(dataset, model, condition));
    }

    /** Whether this shard evaluates any of {@code model}'s probes on any of {@code datasets}. */
    boolean evaluatesAny(List<String> datasets, String model, List<Condition> conditions) {
      for (String dataset : datasets) {
        for (Condition condition : conditions) {
          if (evaluates(dataset, model, condition)) {
            return true;
          }
        }
      }
      return false;
    }

    /** The number of units this shard does (of the whole study when {@link #whole}). */
    int size() {
      return mine.size();
    }
  }
}
