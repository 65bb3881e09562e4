package echobench.reports.results;

import echobench.reports.io.ColumnType;
import echobench.reports.io.CsvColumn;
import echobench.reports.io.CsvSchema;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * {@code summary.csv} (DESIGN §6), one row per model, dataset, task and metric: {@code model,
 * dataset, task, metric, clean, avg_degradation, worst_degradation, worst_condition}, degradations
 * as fractions. Computed from {@code results.csv} alone by {@link
 * echobench.reports.robustness.Summary}.
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

  /** The file name inside a run directory. */
  public static final String FILE_NAME = "summary.csv";

  public static final CsvSchema SCHEMA =
      new CsvSchema(
          "summary",
          List.of(
              CsvColumn.required(MODEL, ColumnType.TEXT),
              CsvColumn.required(DATASET, ColumnType.TEXT),
              CsvColumn.required(TASK, ColumnType.TEXT),
              CsvColumn.required(METRIC, ColumnType.TEXT),
              CsvColumn.optional(CLEAN, ColumnType.NUMBER),
              CsvColumn.optional(AVG_DEGRADATION, ColumnType.NUMBER),
              CsvColumn.optional(WORST_DEGRADATION, ColumnType.NUMBER),
              CsvColumn.optional(WORST_CONDITION, ColumnType.TEXT)),
          List.of(MODEL, DATASET, TASK, METRIC),
          SummaryTable::problem);

  private SummaryTable() {}

  /**
   * Reads and validates {@code file}.
   *
   * @throws echobench.reports.io.InputException naming the file and line of the first problem
   */
  public static Table read(Path file) {
    return SCHEMA.read(file);
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
          table.stringColumn(WORST_CONDITION).get(i)));
    }
    return rows;
  }

  private static Optional<String> problem(Table table, int row) {
    String metric = table.stringColumn(METRIC).get(row);
    return Metric.byId(metric).isPresent()
        ? Optional.empty()
        : Optional.of("unknown metric '" + metric + "' (known: "
            + String.join(", ", Metric.ids()) + ")");
  }
}
