package echobench.reports.results;

import echobench.reports.Condition;
import echobench.reports.io.ColumnType;
import echobench.reports.io.CsvColumn;
import echobench.reports.io.CsvSchema;
import echobench.reports.io.InputException;
import echobench.reports.io.Numbers;
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
 * video: {@code model, dataset, perturbation, severity, video, target, prediction, scores}; every
 * statistic of a run can be recomputed from it. {@code scores} holds a classifier's class
 * probabilities separated by spaces (class 0 first; {@code prediction} is their arg-max) and is
 * empty for regression.
 */
public final class PredictionsTable {
  public static final String MODEL = "model";
  public static final String DATASET = "dataset";
  public static final String PERTURBATION = "perturbation";
  public static final String SEVERITY = "severity";
  public static final String VIDEO = "video";
  public static final String TARGET = "target";
  public static final String PREDICTION = "prediction";
  public static final String SCORES = "scores";
  /** How far the class probabilities of a row may sum from 1 (they are stored as floats). */
  private static final double PROBABILITY_SUM_TOLERANCE = 1e-3;

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
              CsvColumn.required(PREDICTION, ColumnType.NUMBER),
              CsvColumn.optional(SCORES, ColumnType.TEXT)),
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
      table.stringColumn(PERTURBATION).append(p.condition().perturbationColumn());
      table.intColumn(SEVERITY).append(p.condition().severity());
      table.stringColumn(VIDEO).append(p.video());
      table.doubleColumn(TARGET).append(p.target());
      table.doubleColumn(PREDICTION).append(p.prediction());
      table.stringColumn(SCORES).append(formatScores(p.scores()));
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
    StringColumn scores = table.stringColumn(SCORES);
    List<Prediction> rows = new ArrayList<>(table.rowCount());
    for (int i = 0; i < table.rowCount(); i++) {
      rows.add(new Prediction(model.get(i), dataset.get(i),
          Condition.fromColumns(perturbation.get(i), severity.getInt(i)), video.get(i),
          target.getDouble(i), prediction.getDouble(i), parseScores(scores.get(i))));
    }
    return rows;
  }

  /** The probabilities as written in the {@code scores} column: plain numbers, space-separated. */
  private static String formatScores(double[] scores) {
    StringBuilder text = new StringBuilder();
    for (double s : scores) {
      text.append(text.length() == 0 ? "" : " ").append(Numbers.plain(s));
    }
    return text.toString();
  }

  private static double[] parseScores(String text) {
    if (text.isBlank()) {
      return new double[0];
    }
    String[] fields = text.strip().split(" +");
    double[] scores = new double[fields.length];
    for (int i = 0; i < fields.length; i++) {
      scores[i] = Numbers.parse(fields[i]);
    }
    return scores;
  }

  private static Optional<String> problem(Table table, int row) {
    try {
      Condition.fromColumns(table.stringColumn(PERTURBATION).get(row),
          table.intColumn(SEVERITY).getInt(row));
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    double[] scores;
    try {
      scores = parseScores(table.stringColumn(SCORES).get(row));
    } catch (NumberFormatException e) {
      return Optional.of(SCORES + ": " + e.getMessage());
    }
    if (scores.length == 0) {
      return Optional.empty();
    }
    double sum = 0;
    for (double s : scores) {
      if (s < 0 || s > 1) {
        return Optional.of(SCORES + ": " + Numbers.plain(s) + " is not a probability");
      }
      sum += s;
    }
    if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
      return Optional.of(SCORES + ": the class probabilities sum to " + Numbers.plain(sum)
          + ", not 1");
    }
    double predicted = table.doubleColumn(PREDICTION).getDouble(row);
    if (predicted != Math.rint(predicted) || predicted < 0 || predicted >= scores.length) {
      return Optional.of(PREDICTION + " " + Numbers.plain(predicted) + " is not one of the "
          + scores.length + " classes of " + SCORES);
    }
    return Optional.empty();
  }
}
