package echobench.reports.results;

import echobench.reports.io.ColumnType;
import echobench.reports.io.CsvLine;
import echobench.reports.io.CsvColumn;
import echobench.reports.io.CsvSchema;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.DoubleColumn;

/**
 * {@code summary.csv} (DESIGN §6), one row per model, dataset, task and metric: {@code model,
 * dataset, task, metric, clean, avg_degradation, worst_degradation, worst_condition,
 * avg_degradation_ci_low, avg_degradation_ci_high, effective_robustness,
 * effective_robustness_ci_low, effective_robustness_ci_high, clean_vs_baseline,
 * clean_vs_baseline_ci_low, clean_vs_baseline_ci_high}, degradations as fractions. The first
 * eight columns come from {@code results.csv} alone ({@link
 * echobench.reports.robustness.Summary}); the intervals need the per-video predictions ({@link
 * SummaryIntervals}, {@link BaselineDifference}) and are empty without them. A table written with
 * an earlier header (the first eight columns, or the first thirteen) still reads, the later
 * columns empty.
 */
public final class SummaryTable {
  public static final String MODEL = "model";
  public static final String DATASET = "dataset";
  public static final String TASK = "task";
  public static final String METRIC = "metric";
  public static final String CLEAN = "clean";
  public static final String AVG_DEGRADATION = "avg_degradation";
  public static final String WORST_DEGRADATION = "worst_degradation";
  public static final String WORST_CONDITION = "worst_condition";
  public static final String AVG_DEGRADATION_CI_LOW = "avg_degradation_ci_low";
  public static final String AVG_DEGRADATION_CI_HIGH = "avg_degradation_ci_high";
  public static final String EFFECTIVE_ROBUSTNESS = "effective_robustness";
  public static final String EFFECTIVE_ROBUSTNESS_CI_LOW = "effective_robustness_ci_low";
  public static final String EFFECTIVE_ROBUSTNESS_CI_HIGH = "effective_robustness_ci_high";
  public static final String CLEAN_VS_BASELINE = "clean_vs_baseline";
  public static final String CLEAN_VS_BASELINE_CI_LOW = "clean_vs_baseline_ci_low";
  public static final String CLEAN_VS_BASELINE_CI_HIGH = "clean_vs_baseline_ci_high";

  /** The file name inside a run directory. */
  public static final String FILE_NAME = "summary.csv";

  private static final List<CsvColumn> POINT_COLUMNS = List.of(
      CsvColumn.required(MODEL, ColumnType.TEXT),
      CsvColumn.required(DATASET, ColumnType.TEXT),
      CsvColumn.required(TASK, ColumnType.TEXT),
      CsvColumn.required(METRIC, ColumnType.TEXT),
      CsvColumn.optional(CLEAN, ColumnType.NUMBER),
      CsvColumn.optional(AVG_DEGRADATION, ColumnType.NUMBER),
      CsvColumn.optional(WORST_DEGRADATION, ColumnType.NUMBER),
      CsvColumn.optional(WORST_CONDITION, ColumnType.TEXT));

  private static final List<CsvColumn> INTERVAL_COLUMNS = List.of(
      CsvColumn.optional(AVG_DEGRADATION_CI_LOW, ColumnType.NUMBER),
      CsvColumn.optional(AVG_DEGRADATION_CI_HIGH, ColumnType.NUMBER),
      CsvColumn.optional(EFFECTIVE_ROBUSTNESS, ColumnType.NUMBER),
      CsvColumn.optional(EFFECTIVE_ROBUSTNESS_CI_LOW, ColumnType.NUMBER),
      CsvColumn.optional(EFFECTIVE_ROBUSTNESS_CI_HIGH, ColumnType.NUMBER));

  private static final List<CsvColumn> BASELINE_COLUMNS = List.of(
      CsvColumn.optional(CLEAN_VS_BASELINE, ColumnType.NUMBER),
      CsvColumn.optional(CLEAN_VS_BASELINE_CI_LOW, ColumnType.NUMBER),
      CsvColumn.optional(CLEAN_VS_BASELINE_CI_HIGH, ColumnType.NUMBER));

  private static final List<String> KEY = List.of(MODEL, DATASET, TASK, METRIC);

  public static final CsvSchema SCHEMA = schema(POINT_COLUMNS, INTERVAL_COLUMNS, BASELINE_COLUMNS);

  /**
   * The earlier headers, still read with the later columns (all numbers) empty: before the
   * interval columns, and before the baseline columns.
   */
  private static final List<CsvSchema> EARLIER_SCHEMAS = List.of(
      schema(POINT_COLUMNS), schema(POINT_COLUMNS, INTERVAL_COLUMNS));

  private SummaryTable() {}

  /**
   * Reads and validates {@code file}.
   *
   * @throws echobench.reports.io.InputException naming the file and line of the first problem
   */
  public static Table read(Path file) {
    Optional<CsvSchema> earlier = earlierSchema(file);
    if (earlier.isEmpty()) {
      return SCHEMA.read(file);
    }
    Table table = earlier.get().read(file);
    for (String name : SCHEMA.header().subList(table.columnCount(), SCHEMA.header().size())) {
      DoubleColumn empty = DoubleColumn.create(name);
      for (int i = 0; i < table.rowCount(); i++) {
        empty.appendMissing();
      }
      table.addColumns(empty);
    }
    return table;
  }

  /** The earlier schema whose header is the first line of {@code file}, if any. */
  private static Optional<CsvSchema> earlierSchema(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      return header == null ? Optional.empty() : EARLIER_SCHEMAS.stream()
          .filter(s -> header.replace("\uFEFF", "").equals(CsvLine.join(s.header())))
          .findFirst();
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty(); // SCHEMA.read reports the file's problem
    }
  }

  /** Writes {@code table} atomically. */
  public static void write(Table table, Path file) {
    SCHEMA.write(table, file);
  }

  /** The table holding {@code rows} in order. */
  public static Table toTable(List<SummaryRow> rows) {
    Table table = SCHEMA.emptyTable();
    for (SummaryRow r : rows) {
      table.stringColumn(MODEL).append(r.model());
      table.stringColumn(DATASET).append(r.dataset());
      table.stringColumn(TASK).append(r.task());
      table.stringColumn(METRIC).append(r.metric().id());
      table.doubleColumn(CLEAN).append(r.clean());
      table.doubleColumn(AVG_DEGRADATION).append(r.avgDegradation());
      table.doubleColumn(WORST_DEGRADATION).append(r.worstDegradation());
      table.stringColumn(WORST_CONDITION).append(r.worstCondition());
      SummaryIntervals i = r.intervals();
      table.doubleColumn(AVG_DEGRADATION_CI_LOW).append(i.avgDegradationLow());
      table.doubleColumn(AVG_DEGRADATION_CI_HIGH).append(i.avgDegradationHigh());
      table.doubleColumn(EFFECTIVE_ROBUSTNESS).append(i.effectiveRobustness());
      table.doubleColumn(EFFECTIVE_ROBUSTNESS_CI_LOW).append(i.effectiveRobustnessLow());
      table.doubleColumn(EFFECTIVE_ROBUSTNESS_CI_HIGH).append(i.effectiveRobustnessHigh());
      BaselineDifference b = r.vsBaseline();
      table.doubleColumn(CLEAN_VS_BASELINE).append(b.difference());
      table.doubleColumn(CLEAN_VS_BASELINE_CI_LOW).append(b.low());
      table.doubleColumn(CLEAN_VS_BASELINE_CI_HIGH).append(b.high());
    }
    return table;
  }

  /** The rows of a table with this schema, in order. */
  public static List<SummaryRow> rows(Table table) {
    List<SummaryRow> rows = new ArrayList<>(table.rowCount());
    for (int i = 0; i < table.rowCount(); i++) {
      rows.add(new SummaryRow(
          table.stringColumn(MODEL).get(i),
          table.stringColumn(DATASET).get(i),
          table.stringColumn(TASK).get(i),
          Metric.parse(table.stringColumn(METRIC).get(i)),
          table.doubleColumn(CLEAN).getDouble(i),
          table.doubleColumn(AVG_DEGRADATION).getDouble(i),
          table.doubleColumn(WORST_DEGRADATION).getDouble(i),
          table.stringColumn(WORST_CONDITION).get(i),
          new SummaryIntervals(
              table.doubleColumn(AVG_DEGRADATION_CI_LOW).getDouble(i),
              table.doubleColumn(AVG_DEGRADATION_CI_HIGH).getDouble(i),
              table.doubleColumn(EFFECTIVE_ROBUSTNESS).getDouble(i),
              table.doubleColumn(EFFECTIVE_ROBUSTNESS_CI_LOW).getDouble(i),
              table.doubleColumn(EFFECTIVE_ROBUSTNESS_CI_HIGH).getDouble(i)),
          new BaselineDifference(
              table.doubleColumn(CLEAN_VS_BASELINE).getDouble(i),
              table.doubleColumn(CLEAN_VS_BASELINE_CI_LOW).getDouble(i),
              table.doubleColumn(CLEAN_VS_BASELINE_CI_HIGH).getDouble(i))));
    }
    return rows;
  }

  @SafeVarargs
  private static CsvSchema schema(List<CsvColumn>... groups) {
    return new CsvSchema("summary", Stream.of(groups).flatMap(List::stream).toList(), KEY,
        SummaryTable::problem);
  }

  private static Optional<String> problem(Table table, int row) {
    String metric = table.stringColumn(METRIC).get(row);
    return Metric.byId(metric).isPresent()
        ? Optional.empty()
        : Optional.of("unknown metric '" + metric + "' (known: "
            + String.join(", ", Metric.ids()) + ")");
  }
}
