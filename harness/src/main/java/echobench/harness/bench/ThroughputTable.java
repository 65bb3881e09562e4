package echobench.harness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import echobench.reports.io.AtomicFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Presents benchmark results: an aligned text table (rate in M voxels/s with its spread, and the rate
 * as a fraction of the {@link MultiplyReference} at the same size) and the JSON list
 * {@code [{"name", "size", "voxels_per_second"}]}.
 */
public final class ThroughputTable {
  private final String rowFormat;

  /** A table wide enough for every name in {@code names}. */
  public ThroughputTable(List<String> names) {
    int nameWidth = "PERTURBATION".length();
    for (String n : names) {
      nameWidth = Math.max(nameWidth, n.length());
    }
    rowFormat = "%-" + nameWidth + "s  %-10s  %10s  %17s  %12s%n";
  }

  /** The header line. */
  public String header() {
    return String.format(
        Locale.ROOT, rowFormat, "PERTURBATION", "SIZE", "MVOXELS/S", "SPREAD (MIN-MAX)",
        "VS MULTIPLY");
  }

  /** One row; {@code referenceRate} is the reference's median at the same size. */
  public String row(Throughput t, double referenceRate) {
    return String.format(
        Locale.ROOT, rowFormat, t.name(), t.size(), String.format(Locale.ROOT, "%.1f", mega(
            t.voxelsPerSecond())),
        String.format(Locale.ROOT, "%.1f-%.1f", mega(t.slowest()), mega(t.fastest())),
        String.format(Locale.ROOT, "%.2f", t.voxelsPerSecond() / referenceRate));
  }

  /** Writes {@code results} as the JSON list of {@code name, size, voxels_per_second}. */
  public static void writeJson(List<Throughput> results, Path file) {
    List<Map<String, Object>> rows = results.stream().map(ThroughputTable::jsonRow).toList();
    AtomicFiles.writeOutput(file,
        temporary -> new ObjectMapper().writerWithDefaultPrettyPrinter()
            .writeValue(temporary.toFile(), rows));
  }

  private static Map<String, Object> jsonRow(Throughput t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", t.name());
    row.put("size", t.size());
    row.put("voxels_per_second", Math.round(t.voxelsPerSecond()));
    return row;
  }

  private static double mega(double perSecond) {
    return perSecond / 1e6;
  }
}
