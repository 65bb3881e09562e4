package echobench.reports.io;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * The value type of a CSV column and its Tablesaw column: text, integer or number. An empty field
 * is a missing value ({@code ""}, Tablesaw's missing int, {@code NaN}).
 */
public enum ColumnType {
  /** Free text; a {@link StringColumn}. */
  TEXT {
    @Override
    Column<?> newColumn(String name) {
      return StringColumn.create(name);
    }

    @Override
    void append(Column<?> column, String field) {
      ((StringColumn) column).append(field);
    }

    @Override
    String format(Column<?> column, int row) {
      return ((StringColumn) column).get(row);
    }
  },
  /** A whole number; an {@link IntColumn}. */
  INTEGER {
    @Override
    Column<?> newColumn(String name) {
      return IntColumn.create(name);
    }

    @Override
    void append(Column<?> column, String field) {
      IntColumn ints = (IntColumn) column;
      if (field.isEmpty()) {
        ints.appendMissing();
        return;
      }
      if (!field.matches("[+-]?\\d{1,9}")) {
        throw new IllegalArgumentException("\"" + field + "\" is not an integer");
      }
      ints.append(Integer.parseInt(field));
    }

    @Override
    String format(Column<?> column, int row) {
      IntColumn ints = (IntColumn) column;
      return ints.isMissing(row) ? "" : Integer.toString(ints.getInt(row));
    }
  },
  /** A real number; a {@link DoubleColumn} written by {@link Numbers#plain}. */
  NUMBER {
    @Override
    Column<?> newColumn(String name) {
      return DoubleColumn.create(name);
    }

    @Override
    void append(Column<?> column, String field) {
      DoubleColumn doubles = (DoubleColumn) column;
      if (field.isEmpty()) {
        doubles.appendMissing();
        return;
      }
      try {
        doubles.append(Numbers.parse(field));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }

    @Override
    String format(Column<?> column, int row) {
      double value = ((DoubleColumn) column).getDouble(row);
      return Double.isNaN(value) ? "" : Numbers.plain(value);
    }
  };

  /** An empty Tablesaw column of this type. */
  abstract Column<?> newColumn(String name);

  /**
   * Parses {@code field} and appends it; an empty field appends a missing value.
   *
   * @throws IllegalArgumentException saying what is wrong with the field
   */
  abstract void append(Column<?> column, String field);

  /** The CSV text of row {@code row}; "" for a missing value. */
  abstract String format(Column<?> column, int row);
}
