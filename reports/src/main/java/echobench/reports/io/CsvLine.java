package echobench.reports.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting and joining one CSV line (RFC 4180): fields separated by commas, a field holding a
 * comma or a quote is quoted, and a quote inside a quoted field is doubled. A table row is always
 * one line: fields never hold line breaks.
 */
public final class CsvLine {
  private CsvLine() {}

  /**
   * The fields of {@code line}.
   *
   * @throws IllegalArgumentException for an unterminated quote or text after a closing quote
   */
  public static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < line.length() && line.charAt(i) == '"') {
        i = readQuoted(line, i + 1, field);
        if (i < line.length() && line.charAt(i) != ',') {
          throw new IllegalArgumentException(
              "unexpected text after a closing quote at column " + (i + 1));
        }
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= line.length()) {
        return fields;
      }
      i++; // the comma
    }
  }

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

  private static int readQuoted(String line, int start, StringBuilder field) {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        return i + 1;
      }
      field.append(c);
      i++;
    }
    throw new IllegalArgumentException("unterminated quoted field");
  }
}
