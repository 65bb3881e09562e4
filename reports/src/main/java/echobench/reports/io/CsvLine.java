package echobench.reports.io;

import java.util.List;

/**
 * Writing one CSV line (RFC 4180), as {@link CsvRecords} reads it back: fields separated by commas,
 * a field holding a comma or a quote is quoted, and a quote inside a quoted field is doubled. A
 * written row is always one line: fields never hold line breaks.
 */
public final class CsvLine {
  private CsvLine() {}

  /**
   * {@code fields} joined by commas, each quoted only where it has to be.
   *
   * @throws IllegalArgumentException for a field holding a line break
   */
  public static String join(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String f = fields.get(i);
      if (f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a table field holds a line break: " + f.strip());
      }
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0) {
        line.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        line.append(f);
      }
    }
    return line.toString();
  }
}
