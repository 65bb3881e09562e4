package echobench.models.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an import did with every tensor of a weights file: how many it used, which it ignored on
 * purpose and why, and what stood in the way (keys the encoder needs but the file lacks, keys the
 * encoder does not know, shapes that differ). An import succeeds only when the last three are
 * empty, so a returned report accounts for every tensor as used or ignored.
 *
 * @param file the weights file
 * @param used tensors loaded into the encoder
 * @param ignored file key → why it was left out, in file order
 * @param missing encoder keys the file lacks
 * @param unexpected file keys (after the key map) the encoder does not have
 * @param shapeMismatches {@code key [file shape] != expected [encoder shape]}
 */
public record ImportReport(
    String file,
    int used,
    Map<String, String> ignored,
    List<String> missing,
    List<String> unexpected,
    List<String> shapeMismatches) {

  /** Copies the collections. */
  public ImportReport {
    ignored = Collections.unmodifiableMap(new LinkedHashMap<>(ignored));
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    shapeMismatches = List.copyOf(shapeMismatches);
  }

  /** True when every tensor was used or ignored on purpose and nothing was missing. */
  public boolean clean() {
    return missing.isEmpty() && unexpected.isEmpty() && shapeMismatches.isEmpty();
  }

  /**
   * One line: {@code FILE: used 30 tensors; ignored 2 (2 JEPA predictor)}, or for a failed import
   * the tensors that matched and the problems (each list shortened to its first five).
   */
  public String summary() {
    return file + ": " + details();
  }

  /** {@link #summary()} without the file name. */
  public String details() {
    StringBuilder line =
        new StringBuilder(clean() ? "used " + used + " tensors" : used + " tensors match");
    Map<String, Long> byReason =
        ignored.values().stream()
            .collect(Collectors.groupingBy(r -> r, LinkedHashMap::new, Collectors.counting()));
    if (!byReason.isEmpty()) {
      List<String> parts = new ArrayList<>();
      byReason.forEach((reason, count) -> parts.add(count + " " + reason));
      line.append("; ignored ").append(ignored.size()).append(" (").append(String.join(", ", parts))
          .append(')');
    }
    appendProblem(line, "missing keys", missing);
    appendProblem(line, "unexpected keys", unexpected);
    appendProblem(line, "shape mismatches", shapeMismatches);
    return line.toString();
  }

  private static void appendProblem(StringBuilder line, String what, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    line.append("; ").append(what).append(' ').append(keys.subList(0, Math.min(5, keys.size())));
    if (keys.size() > 5) {
      line.append(" and ").append(keys.size() - 5).append(" more");
    }
  }

  /** The report as plain maps, lists, strings and numbers, ready for {@code run.json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("file", file);
    map.put("used", used);
    map.put("ignored", new LinkedHashMap<>(ignored));
    map.put("missing", missing);
    map.put("unexpected", unexpected);
    map.put("shape_mismatches", shapeMismatches);
    return map;
  }
}
