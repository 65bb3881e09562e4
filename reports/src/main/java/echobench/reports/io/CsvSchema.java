package echobench.reports.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The layout of one CSV table: its columns in order, the columns that identify a row, and a check
 * for each row. Reads into a typed Tablesaw {@link Table}, validating the header and every row, and
 * writes a table back atomically with deterministic text, so the same table gives the same bytes.
 */
public final class CsvSchema {
  /** A check of one parsed row beyond its column types. */
  @FunctionalInterface
  public interface RowCheck {
    /** What is wrong with row {@code row} of {@code table}, or empty when nothing is. */
    Optional<String> problem(Table table, int row);
  }

  private final String tableName;
  private final List<CsvColumn> columns;
  private final List<String> keyColumns;
  private final RowCheck rowCheck;

  /**
   * @param tableName the Tablesaw table name ({@code results})
   * @param columns the columns in header order
   * @param keyColumns the columns whose values identify a row; two rows with the same key are an
   *     error
   * @param rowCheck the check of each row
   */
  public CsvSchema(
      String tableName, List<CsvColumn> columns, List<String> keyColumns, RowCheck rowCheck) {
    this.tableName = tableName;
    this.columns = List.copyOf(columns);
    this.keyColumns = List.copyOf(keyColumns);
    this.rowCheck = rowCheck;
    List<String> names = header();
    for (String key : keyColumns) {
      if (!names.contains(key)) {
        throw new IllegalArgumentException("key column " + key + " is not a column");
      }
    }
  }

  /** The header names in order. */
  public List<String> header() {
    return columns.stream().map(CsvColumn::name).toList();
  }

  /** A table with this schema's columns and no rows. */
  public Table emptyTable() {
    Table table = Table.create(tableName);
    for (CsvColumn c : columns) {
      table.addColumns(c.type().newColumn(c.name()));
    }
    return table;
  }

  /**
   * Reads {@code file}.
   *
   * @throws InputException naming the file and line for a missing or unreadable file, a
   *     wrong header, a row with the wrong number of fields, a field of the wrong type, an empty
   *     required field, a duplicate key or a row that fails the row check
   */
  public Table read(Path file) {
    Table table = emptyTable();
    Map<String, Integer> keyLines = new HashMap<>();
    try (CsvRecords reader = CsvRecords.open(file)) {
      Optional<CsvRecords.Record> header = reader.next();
      if (header.isEmpty()) {
        throw InputException.in(file, "is empty; expected the header "
            + String.join(",", header()));
      }
      if (!header.get().fields().equals(header())) {
        throw InputException.at(file, header.get().line(), "the header must be "
            + String.join(",", header()) + " but is " + CsvLine.join(header.get().fields()));
      }
      for (Optional<CsvRecords.Record> record = reader.next(); record.isPresent();
          record = reader.next()) {
        int lineNumber = record.get().line();
        appendRow(file, lineNumber, record.get().fields(), table);
        int row = table.rowCount() - 1;
        Optional<String> problem = rowCheck.problem(table, row);
        if (problem.isPresent()) {
          throw InputException.at(file, lineNumber, problem.get());
        }
        Integer previous = keyLines.putIfAbsent(key(table, row), lineNumber);
        if (previous != null) {
          throw InputException.at(file, lineNumber, "duplicate of line " + previous
              + " (same " + String.join(", ", keyColumns) + ")");
        }
      }
    }
    return table;
  }

  /**
   * Writes {@code table} to {@code file} atomically: the header, then one line per row.
   *
   * @throws IllegalArgumentException if the table's columns are not this schema's
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public void write(Table table, Path file) {
    AtomicFiles.writeString(file, toCsv(table));
  }

  private String toCsv(Table table) {
    List<Column<?>> cols = checkedColumns(table);
    StringBuilder csv = new StringBuilder(CsvLine.join(header())).append('\n');
    List<String> fields = new ArrayList<>(columns.size());
    for (int row = 0; row < table.rowCount(); row++) {
      fields.clear();
      for (int c = 0; c < columns.size(); c++) {
        fields.add(columns.get(c).type().format(cols.get(c), row));
      }
      csv.append(CsvLine.join(fields)).append('\n');
    }
    return csv.toString();
  }

  private List<Column<?>> checkedColumns(Table table) {
    if (!table.columnNames().equals(header())) {
      throw new IllegalArgumentException("table " + table.name() + " has columns "
          + table.columnNames() + ", expected " + header());
    }
    List<Column<?>> cols = new ArrayList<>();
    for (CsvColumn c : columns) {
      Column<?> column = table.column(c.name());
      if (!column.type().equals(c.type().newColumn(c.name()).type())) {
        throw new IllegalArgumentException(
            "column " + c.name() + " is " + column.type() + ", expected " + c.type());
      }
      cols.add(column);
    }
    return cols;
  }

  private void appendRow(Path file, int lineNumber, List<String> fields, Table table) {
    if (fields.size() != columns.size()) {
      throw InputException.at(file, lineNumber,
          "expected " + columns.size() + " fields but found " + fields.size());
    }
    for (int c = 0; c < columns.size(); c++) {
      CsvColumn column = columns.get(c);
      String field = fields.get(c).strip();
      if (field.isEmpty() && column.required()) {
        throw InputException.at(file, lineNumber, column.name() + " is empty");
      }
      try {
        column.type().append(table.column(c), field);
      } catch (IllegalArgumentException e) {
        throw InputException.at(file, lineNumber, column.name() + " " + e.getMessage());
      }
    }
  }

  private String key(Table table, int row) {
    StringBuilder key = new StringBuilder();
    for (String name : keyColumns) {
      CsvColumn column = columns.get(header().indexOf(name));
      key.append(column.type().format(table.column(name), row)).append('\u0000');
    }
    return key.toString();
  }
}
