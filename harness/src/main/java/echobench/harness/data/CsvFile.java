package echobench.harness.data;

import echobench.harness.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A comma-separated table with a header row, read the RFC 4180 way: fields may be quoted, a quote
 * inside a quoted field is doubled, quoted fields may hold commas and line breaks, and lines end in
 * LF or CRLF. A UTF-8 byte-order mark and blank lines are ignored.
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
   * @throws BadInputException if the file is missing, unreadable, not UTF-8, empty, names a
   *     column twice, has an unterminated quote or a row of the wrong width
   */
  public static CsvFile read(Path file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new BadInputException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    List<Record> records = parse(file, text);
    if (records.isEmpty()) {
      throw new BadInputException(file + ": empty, expected a header row");
    }
    List<String> header = records.get(0).fields();
    Set<String> names = new HashSet<>();
    for (String column : header) {
      if (!names.add(column.strip())) {
        throw new BadInputException(file + ":" + records.get(0).line() + ": column "
            + column.strip() + " appears twice in the header");
      }
    }
    List<Record> data = records.subList(1, records.size());
    for (Record record : data) {
      if (record.fields().size() != header.size()) {
        throw new BadInputException(
            file + ":" + record.line() + ": expected " + header.size() + " fields, found "
                + record.fields().size());
      }
    }
    return new CsvFile(file, header, data);
  }

  /**
   * The header row with {@code fields}, or a data row: fields joined by commas, quoted as needed.
   */
  public static String line(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String field = fields.get(i);
      boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
      out.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
    }
    return out.toString();
  }

  public List<String> header() {
    return header;
  }

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
   * @throws BadInputException naming the file and the missing columns
   */
  public void requireColumns(List<String> required) {
    List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new BadInputException(
          file + ":1: missing column" + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing) + " (header: " + String.join(",", header) + ")");
    }
  }

  private static List<Record> parse(Path file, String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean blank = true;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        blank = false;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        blank = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (!blank || field.length() > 0) {
          fields.add(field.toString());
          records.add(new Record(recordLine, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
        blank = true;
        line++;
        recordLine = line;
      } else {
        field.append(c);
        blank = false;
      }
    }
    if (quoted) {
      throw new BadInputException(file + ":" + recordLine + ": unterminated quoted field");
    }
    if (!blank || field.length() > 0) {
      fields.add(field.toString());
      records.add(new Record(recordLine, List.copyOf(fields)));
    }
    return records;
  }

  private record Record(int line, List<String> fields) {}

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

    /** A {@link BadInputException} for this row: {@code file:line: message}. */
    public BadInputException error(String message) {
      return new BadInputException(file + ":" + line + ": " + message);
    }
  }
}
