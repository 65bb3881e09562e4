package echobench.reports.results;

import echobench.reports.Condition;
import echobench.reports.io.ColumnType;
import echobench.reports.io.CsvColumn;
import echobench.reports.io.CsvSchema;
import echobench.reports.io.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code predictions.csv} (DESIGN §6), one row per model, dataset, perturbation, severity and
 * video: {@code model, dataset, perturbation, severity, video, target, prediction}; every
 * statistic of a run can be recomputed from it.
 */
public final class PredictionsTable {
  public static final String MODEL = "model";
  public static final String DATASET = "dataset";
  public static final String PERTURBATION = "perturbation";
  public static final String SEVERITY = "severity";
  public static final String VIDEO = "video";
  public static final String TARGET = "target";
  public static final String PREDICTION = "prediction";

  /** The file name inside a run directory. */
  public static final String FILE_NAME = "predictions.csv";

  public static final CsvSchema SCHEMA =
      new CsvSchema(
          "predictions",
          List.of(
              CsvColumn.required(MODEL, ColumnType.TEXT),
              CsvColumn.required(DATASET, ColumnType.TEXT),
              CsvColumn.required(PERTURBATION, ColumnType.TEXT),
              CsvColumn.required(SEVERITY, ColumnType.INTEGER),
              CsvColumn.required(VIDEO, ColumnType.TEXT),
              CsvColumn.required(TARGET, ColumnType.NUMBER),
              CsvColumn.required(PREDICTION, ColumnType.NUMBER)),
          List.of(MODEL, DATASET, PERTURBATION, SEVERITY, VIDEO),
          PredictionsTable::problem);

  private PredictionsTable() {}

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

  /** The table holding {@code predictions} in order. */
  public static Table toTable(List<Prediction> predictions) {
    Table table = SCHEMA.emptyTable();
    for (Prediction p : predictions) {
      table.stringColumn(MODEL).append(p.model());
      table.stringColumn(DATASET).append(p.dataset());
      table.stringColumn(PERTURBATION).append(p.condition().perturbation());
      table.intColumn(SEVERITY).append(p.condition().severity());
      table.stringColumn(VIDEO).append(p.video());
      table.doubleColumn(TARGET).append(p.target());
      table.doubleColumn(PREDICTION).append(p.prediction());
    }
    return table;
  }

  /** The rows of a table with this schema, in order. */
  public static List<Prediction> rows(Table table) {
    StringColumn model = table.stringColumn(MODEL);
    StringColumn dataset = table.stringColumn(DATASET);
    StringColumn perturbation = table.stringColumn(PERTURBATION);
    IntColumn severity = table.intColumn(SEVERITY);
    StringColumn video = table.stringColumn(VIDEO);
    DoubleColumn target = table.doubleColumn(TARGET);
    DoubleColumn prediction = table.doubleColumn(PREDICTION);
    List<Prediction> rows = new ArrayList<>(table.rowCount());
    for (int i = 0; i < table.rowCount(); i++) {
      rows.add(new Prediction(model.get(i), dataset.get(i),
          new Condition(perturbation.get(i), severity.getInt(i)), video.get(i),
          target.getDouble(i), prediction.getDouble(i)));
    }
    return rows;
  }

  private static Optional<String> problem(Table table, int row) {
    try {
      new Condition(table.stringColumn(PERTURBATION).get(row),
          table.intColumn(SEVERITY).getInt(row));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
