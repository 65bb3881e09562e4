package echobench.reports.io;

import echobench.reports.io.CsvRecords.Record;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A comma-separated table with a header row, its fields looked up by column name, as read by
 * {@link CsvRecords} (RFC 4180).
 *
 * <p>Every row remembers the file and the line it starts on, so that a bad value is reported as
 * {@code FileList.csv:17: EF "abc" is not a number}.
 */
public final class CsvFile {
  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> columns;
  private final List<Row> rows;

  private CsvFile(Path file, List<String> header, List<Record> records) {
    this.file = file;
    this.header = List.copyOf(header);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.put(header.get(i).strip(), i);
    }
    this.columns = Map.copyOf(index);
    List<Row> parsed = new ArrayList<>(records.size());
    for (Record record : records) {
      parsed.add(new Row(record.line(), record.fields()));
    }
    this.rows = List.copyOf(parsed);
  }

  /**
   * Reads {@code file}. The first record is the header; every later record must have as many
   * fields.
   *
   * @throws InputException if the file is missing, unreadable, not UTF-8, empty, names a
   *     column twice, has an unterminated quote or a row of the wrong width
   */
  public static CsvFile read(Path file) {
    List<Record> records = CsvRecords.readAll(file);
    if (records.isEmpty()) {
      throw new InputException(file + ": empty, expected a header row");
    }
    List<String> header = records.get(0).fields();
    Set<String> names = new HashSet<>();
    for (String column : header) {
      if (!names.add(column.strip())) {
        throw new InputException(file + ":" + records.get(0).line() + ": column "
            + column.strip() + " appears twice in the header");
      }
    }
    List<Record> data = records.subList(1, records.size());
    for (Record record : data) {
      if (record.fields().size() != header.size()) {
        throw new InputException(
            file + ":" + record.line() + ": expected " + header.size() + " fields, found "
                + record.fields().size());
      }
    }
    return new CsvFile(file, header, data);
  }

  /** The header's column names, as written. */
  public List<String> header() {
    return header;
  }

  /** The data rows, in file order. */
  public List<Row> rows() {
    return rows;
  }

  /** Whether the header names {@code column}. */
  public boolean hasColumn(String column) {
    return columns.containsKey(column);
  }

  /**
   * Checks that the header names every one of {@code required}.
   *
   * @throws InputException naming the file and the missing columns
   */
  public void requireColumns(List<String> required) {
    List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new InputException(
          file + ":1: missing column" + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing) + " (header: " + String.join(",", header) + ")");
    }
  }

  /** One data row: its fields and the line of the file it starts on. */
  public final class Row {
    private final int line;
    private final List<String> fields;

    private Row(int line, List<String> fields) {
      this.line = line;
      this.fields = fields;
    }

    /** The 1-based line of the file this row starts on. */
    public int line() {
      return line;
    }

    /** The field in {@code column}, trimmed of surrounding blanks. */
    public String get(String column) {
      Integer index = columns.get(column);
      if (index == null) {
        throw new IllegalArgumentException(file + " has no column " + column);
      }
      return fields.get(index).strip();
    }

    /** A {@link InputException} for this row: {@code file:line: message}. */
    public InputException error(String message) {
      return new InputException(file + ":" + line + ": " + message);
    }
  }
}
