package echobench.reports.results;

import echobench.reports.Condition;
import echobench.reports.io.ColumnType;
import echobench.reports.io.CsvColumn;
import echobench.reports.io.CsvSchema;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code results.csv} (DESIGN §6), long format, one row per model, dataset, task, perturbation,
 * severity and metric: {@code model, dataset, task, perturbation, severity, metric, value, ci_low,
 * ci_high, n}. Clean is perturbation {@code none} at severity 0. {@code value}, {@code ci_low},
 * {@code ci_high} and {@code n} may be empty (undefined metric, no interval, unknown count).
 */
public final class ResultsTable {
  public static final String MODEL = "model";
  public static final String DATASET = "dataset";
  public static final String TASK = "task";
  public static final String PERTURBATION = "perturbation";
  public static final String SEVERITY = "severity";
  public static final String METRIC = "metric";
  public static final String VALUE = "value";
  public static final String CI_LOW = "ci_low";
  public static final String CI_HIGH = "ci_high";
  public static final String N = "n";

  /** The file name inside a run directory. */
  public static final String FILE_NAME = "results.csv";

  public static final CsvSchema SCHEMA =
      new CsvSchema(
          "results",
          List.of(
              CsvColumn.required(MODEL, ColumnType.TEXT),
              CsvColumn.required(DATASET, ColumnType.TEXT),
              CsvColumn.required(TASK, ColumnType.TEXT),
              CsvColumn.required(PERTURBATION, ColumnType.TEXT),
              CsvColumn.required(SEVERITY, ColumnType.INTEGER),
              CsvColumn.required(METRIC, ColumnType.TEXT),
              CsvColumn.optional(VALUE, ColumnType.NUMBER),
              CsvColumn.optional(CI_LOW, ColumnType.NUMBER),
              CsvColumn.optional(CI_HIGH, ColumnType.NUMBER),
              CsvColumn.optional(N, ColumnType.INTEGER)),
          List.of(MODEL, DATASET, TASK, PERTURBATION, SEVERITY, METRIC),
          ResultsTable::problem);

  private ResultsTable() {}

  /**
   * Reads and validates {@code file}: at least one row, every row as the schema says, and a clean
   * row for every model, dataset, task and metric.
   *
   * @throws InputException naming the file (and line) of the first problem
   */
  public static Table read(Path file) {
    Table table = SCHEMA.read(file);
    if (table.rowCount() == 0) {
      throw InputException.in(file, "the results table has no rows");
    }
    Set<String> clean = new LinkedHashSet<>();
    Set<String> all = new LinkedHashSet<>();
    for (Result r : rows(table)) {
      String group = r.model() + ", " + r.dataset() + ", " + r.task() + ", " + r.metric();
      all.add(group);
      if (r.condition().isClean()) {
        clean.add(group);
      }
    }
    all.removeAll(clean);
    if (!all.isEmpty()) {
      throw InputException.in(file,
          "no clean row (perturbation none, severity 0) for " + all.iterator().next());
    }
    return table;
  }

  /** Writes {@code table} atomically. */
  public static void write(Table table, Path file) {
    SCHEMA.write(table, file);
  }

  /** The table holding {@code results} in order. */
  public static Table toTable(List<Result> results) {
    Table table = SCHEMA.emptyTable();
    for (Result r : results) {
      table.stringColumn(MODEL).append(r.model());
      table.stringColumn(DATASET).append(r.dataset());
      table.stringColumn(TASK).append(r.task());
      table.stringColumn(PERTURBATION).append(r.condition().perturbationColumn());
      table.intColumn(SEVERITY).append(r.condition().severity());
      table.stringColumn(METRIC).append(r.metric().id());
      table.doubleColumn(VALUE).append(r.value());
      table.doubleColumn(CI_LOW).append(r.ciLow());
      table.doubleColumn(CI_HIGH).append(r.ciHigh());
      if (r.n() > 0) {
        table.intColumn(N).append(r.n());
      } else {
        table.intColumn(N).appendMissing();
      }
    }
    return table;
  }

  /** The rows of a table with this schema, in order. */
  public static List<Result> rows(Table table) {
    StringColumn model = table.stringColumn(MODEL);
    StringColumn dataset = table.stringColumn(DATASET);
    StringColumn task = table.stringColumn(TASK);
    StringColumn perturbation = table.stringColumn(PERTURBATION);
    IntColumn severity = table.intColumn(SEVERITY);
    StringColumn metric = table.stringColumn(METRIC);
    DoubleColumn value = table.doubleColumn(VALUE);
    DoubleColumn ciLow = table.doubleColumn(CI_LOW);
    DoubleColumn ciHigh = table.doubleColumn(CI_HIGH);
    IntColumn n = table.intColumn(N);
    List<Result> rows = new ArrayList<>(table.rowCount());
    for (int i = 0; i < table.rowCount(); i++) {
      rows.add(new Result(
          model.get(i), dataset.get(i), task.get(i),
          Condition.fromColumns(perturbation.get(i), severity.getInt(i)),
          Metric.parse(metric.get(i)),
          value.getDouble(i), ciLow.getDouble(i), ciHigh.getDouble(i),
          n.isMissing(i) ? 0 : n.getInt(i)));
    }
    return rows;
  }

  private static Optional<String> problem(Table table, int row) {
    String metric = table.stringColumn(METRIC).get(row);
    if (Metric.byId(metric).isEmpty()) {
      return Optional.of("unknown metric '" + metric + "' (known: "
          + String.join(", ", Metric.ids()) + ")");
    }
    try {
      Condition.fromColumns(table.stringColumn(PERTURBATION).get(row),
          table.intColumn(SEVERITY).getInt(row));
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    IntColumn n = table.intColumn(N);
    if (!n.isMissing(row) && n.getInt(row) < 1) {
      return Optional.of("n " + n.getInt(row) + " is not a positive count of videos");
    }
    double low = table.doubleColumn(CI_LOW).getDouble(row);
    double high = table.doubleColumn(CI_HIGH).getDouble(row);
    if (Double.isNaN(low) != Double.isNaN(high)) {
      return Optional.of("ci_low and ci_high must both be given or both be empty");
    }
    if (low > high) {
      return Optional.of("ci_low " + low + " is above ci_high " + high);
    }
    return Optional.empty();
  }
}
