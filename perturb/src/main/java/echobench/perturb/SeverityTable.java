package echobench.perturb;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The severity calibration table: for every family, the cavity–myocardium CNR loss of each
 * published severity, and for each calibrated suite family the continuous strength ({@link
 * ContinuousSeverity}) of levels 1–5 with the loss it gives. It is measured on simulated clips by
 * {@code echobench calibrate}; the table the project ships is the resource {@value #RESOURCE} next
 * to this class, which the command regenerates byte for byte.
 *
 * <p>CSV with the header {@value #HEADER}; {@code scale} is {@code published} or {@code
 * calibrated}; strength and target are empty on published rows; numbers have {@value
 * #STRENGTH_DECIMALS} decimals.
 */
public final class SeverityTable {
  /** The CNR loss each calibrated level aims at, levels 1 to 5. */
  public static final double[] TARGET_LOSSES = {0.10, 0.20, 0.35, 0.50, 0.70};

  /** Decimals of every number in the table. */
  public static final int STRENGTH_DECIMALS = 4;

  /** The shipped table, a resource next to this class. */
  public static final String RESOURCE = "calibrated-severities.csv";

  /** The CSV header. */
  public static final String HEADER = "scale,family,level,strength,target_loss,cnr_loss";

  private static final String NUMBER = "%." + STRENGTH_DECIMALS + "f";

  private static volatile SeverityTable shipped;

  private final List<Row> rows;

  /**
   * One row: a family's severity or calibrated level, its strength and target (calibrated rows
   * only, else NaN) and the mean CNR loss it gives.
   *
   * @param scale which scale the level belongs to
   * @param family the registry name
   * @param level the severity, 1 up
   * @param strength the continuous strength of a calibrated level, NaN on a published row
   * @param target the CNR loss a calibrated level aims at, NaN on a published row
   * @param cnrLoss the measured mean CNR loss, {@code 1 − CNR_perturbed / CNR_clean}
   */
  public record Row(SeverityScale scale, String family, int level, double strength, double target,
      double cnrLoss) {
    public Row {
      Objects.requireNonNull(scale, "scale");
      Objects.requireNonNull(family, "family");
    }

    /** A published severity and its loss. */
    public static Row published(String family, int level, double cnrLoss) {
      return new Row(SeverityScale.PUBLISHED, family, level, Double.NaN, Double.NaN,
          round(cnrLoss));
    }

    /** A calibrated level. */
    public static Row calibrated(String family, int level, double strength, double target,
        double cnrLoss) {
      return new Row(SeverityScale.CALIBRATED, family, level, round(strength), round(target),
          round(cnrLoss));
    }
  }

  public SeverityTable(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** {@code value} rounded to the table's decimals, as it reads back from the CSV. */
  public static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, NUMBER, value));
  }

  /** The table the project ships. */
  public static SeverityTable shipped() {
    SeverityTable table = shipped;
    if (table == null) {
      try (InputStream in = SeverityTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the severity table " + RESOURCE + " is not packaged");
        }
        table = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(RESOURCE + ": cannot read", e);
      }
      shipped = table;
    }
    return table;
  }

  /**
   * Reads a table written by {@link #render}.
   *
   * @throws InputException naming {@code source} and the line of a malformed row
   */
  public static SeverityTable parse(String text, String source) {
    String[] lines = text.split("\n", -1);
    if (!lines[0].equals(HEADER)) {
      throw new InputException(source + ":1: the header must be " + HEADER);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] f = lines[i].split(",", -1);
      try {
        if (f.length != 6) {
          throw new IllegalArgumentException("expected 6 fields, not " + f.length);
        }
        rows.add(new Row(SeverityScale.parse(f[0]), f[1], Integer.parseInt(f[2]), number(f[3]),
            number(f[4]), Double.parseDouble(f[5])));
      } catch (IllegalArgumentException e) {
        throw new InputException(source + ":" + (i + 1) + ": " + e.getMessage());
      }
    }
    return new SeverityTable(rows);
  }

  private static double number(String field) {
    return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
  }

  /** The rows, published ones first, in registry order. */
  public List<Row> rows() {
    return rows;
  }

  /** The CSV text, one line per row, {@code \n} line ends. */
  public String render() {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (Row r : rows) {
      csv.append(r.scale()).append(',').append(r.family()).append(',').append(r.level())
          .append(',').append(format(r.strength())).append(',').append(format(r.target()))
          .append(',').append(format(r.cnrLoss())).append('\n');
    }
    return csv.toString();
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, NUMBER, value);
  }

  /** The row of {@code family} at {@code level} on {@code scale}, if the table has one. */
  public Optional<Row> row(SeverityScale scale, String family, int level) {
    return rows.stream().filter(r -> r.scale() == scale && r.family().equals(family)
        && r.level() == level).findFirst();
  }

  /** The calibrated strength of {@code family} at {@code level}, if the family is calibrated. */
  public OptionalDouble strength(String family, int level) {
    return row(SeverityScale.CALIBRATED, family, level)
        .map(r -> OptionalDouble.of(r.strength())).orElse(OptionalDouble.empty());
  }
}
