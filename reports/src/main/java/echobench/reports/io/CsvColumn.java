package echobench.reports.io;

/** One column of a CSV schema: its header name, its type, and whether an empty field is allowed. */
public record CsvColumn(String name, ColumnType type, boolean required) {
  /** A column whose every row must have a value. */
  public static CsvColumn required(String name, ColumnType type) {
    return new CsvColumn(name, type, true);
  }

  /** A column whose fields may be empty (a missing value). */
  public static CsvColumn optional(String name, ColumnType type) {
    return new CsvColumn(name, type, false);
  }
}
