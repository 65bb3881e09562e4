package echobench.reports.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project's one CSV parser: reads a file's records one at a time, the RFC 4180 way. Fields are
 * separated by commas and may be quoted; a quote inside a quoted field is doubled; a quoted field
 * may hold commas and line breaks; text after a closing quote is an error; lines end in LF or
 * CRLF. A UTF-8 byte-order mark and blank (or all-space) lines are skipped, and bytes that are not
 * UTF-8 are an error. Every record knows the line it starts on, so each error is {@code
 * file:line: what}.
 *
 * <p>{@link CsvFile} (a whole table with a header, by column name) and {@link CsvSchema} (a typed
 * table) read through it; {@link CsvLine#join} writes what it reads.
 */
public final class CsvRecords implements AutoCloseable {
  /** One record: its fields and the 1-based line of the file it starts on. */
  public record Record(int line, List<String> fields) {}

  private final Path file;
  private final Reader in;
  private int line = 1;
  private int pushedBack = -2;
  private boolean started;

  private CsvRecords(Path file, Reader in) {
    this.file = file;
    this.in = in;
  }

  /**
   * Opens {@code file} for reading.
   *
   * @throws InputException naming the file when it is missing or cannot be opened
   */
  public static CsvRecords open(Path file) {
    try {
      return new CsvRecords(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw InputException.in(file, "no such file");
    } catch (IOException e) {
      throw InputException.in(file, "cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Every record of {@code file}, in order. */
  public static List<Record> readAll(Path file) {
    List<Record> records = new ArrayList<>();
    try (CsvRecords reader = open(file)) {
      for (Optional<Record> r = reader.next(); r.isPresent(); r = reader.next()) {
        records.add(r.get());
      }
    }
    return records;
  }

  /**
   * The next record that is not blank, or empty at the end of the file.
   *
   * @throws InputException naming the file and line for an unterminated quote, text after a
   *     closing quote, bytes that are not UTF-8 or a read error
   */
  public Optional<Record> next() {
    try {
      return Optional.ofNullable(readRecord());
    } catch (CharacterCodingException e) {
      throw InputException.in(file, "not UTF-8 text");
    } catch (IOException e) {
      throw InputException.in(file, "cannot be read (" + e.getMessage() + ")");
    }
  }

  private Record readRecord() throws IOException {
    if (!started) {
      started = true;
      int first = in.read();
      if (first != '\uFEFF') {
        pushedBack = first;
      }
    }
    while (true) {
      int start = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean blank = true; // no comma and no quote yet: all-space text is a blank line
      int c = read();
      if (c == -1) {
        return null;
      }
      while (true) {
        if (c == '"' && field.length() == 0) {
          blank = false;
          c = readQuoted(field, start);
          if (c != ',' && c != '\n' && c != '\r' && c != -1) {
            throw InputException.at(file, line, "unexpected text after a closing quote");
          }
        }
        if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          blank = false;
        } else if (c == '\n' || c == '\r' || c == -1) {
          if (c == '\r') {
            int after = read();
            if (after != '\n') {
              pushedBack = after;
            }
          }
          if (c != -1) {
            line++;
          }
          if (!blank || !field.toString().isBlank()) {
            fields.add(field.toString());
            return new Record(start, List.copyOf(fields));
          }
          if (c == -1) {
            return null;
          }
          break; // a blank line: read the next record
        } else {
          field.append((char) c);
        }
        c = read();
      }
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing one. */
  private int readQuoted(StringBuilder field, int start) throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        throw InputException.at(file, start, "unterminated quoted field");
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          return after;
        }
      } else if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Only read from; nothing is lost.
    }
  }
}
