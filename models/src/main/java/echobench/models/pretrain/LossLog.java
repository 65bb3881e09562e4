package echobench.models.pretrain;

import echobench.reports.io.CsvFile;
import echobench.reports.io.InputException;
import echobench.reports.io.Numbers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code loss.csv} of a pretraining run ({@code step,loss,lr,ema}, one row per step, flushed as
 * written). Reopened to resume from step {@code s}, it keeps the rows of steps before {@code s} and
 * drops any later ones written after the last checkpoint.
 */
final class LossLog implements AutoCloseable {
  static final String HEADER = "step,loss,lr,ema";

  private final BufferedWriter writer;

  private LossLog(BufferedWriter writer) {
    this.writer = writer;
  }

  /** Opens {@code file}, keeping only rows of steps before {@code firstStep}. */
  static LossLog open(Path file, long firstStep) throws IOException {
    List<String> kept = new ArrayList<>();
    kept.add(HEADER);
    if (firstStep > 0 && Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int comma = line.indexOf(',');
        if (comma > 0 && !line.startsWith("step")) {
          long step = Long.parseLong(line.substring(0, comma));
          if (step < firstStep) {
            kept.add(line);
          }
        }
      }
    }
    Files.write(file, kept, StandardCharsets.UTF_8);
    return new LossLog(
        Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
  }

  /**
   * The losses logged in {@code file}, in step order.
   *
   * @throws InputException naming the file and line of a row that is not a plain decimal loss
   */
  static List<Double> losses(Path file) {
    CsvFile csv = CsvFile.read(file);
    csv.requireColumns(List.of("loss"));
    List<Double> losses = new ArrayList<>(csv.rows().size());
    for (CsvFile.Row row : csv.rows()) {
      try {
        losses.add(Numbers.parse(row.get("loss")));
      } catch (NumberFormatException e) {
        throw row.error("loss " + e.getMessage());
      }
    }
    return losses;
  }

  /** Appends one step's row. */
  void append(StepOutcome o) throws IOException {
    writer.write(
        String.format(
            Locale.ROOT, "%d,%.6f,%.6g,%s%n", o.step(), o.loss(), o.lr(),
            Double.isNaN(o.ema()) ? "" : String.format(Locale.ROOT, "%.6f", o.ema())));
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
