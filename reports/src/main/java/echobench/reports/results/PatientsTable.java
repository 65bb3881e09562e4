package echobench.reports.results;

import echobench.reports.io.ColumnType;
import echobench.reports.io.CsvColumn;
import echobench.reports.io.CsvSchema;
import echobench.reports.io.InputException;
import echobench.reports.stats.ResamplingUnits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * {@code patients.csv}: the patient of every video of the datasets a run resampled by patient,
 * {@code dataset, video, patient}, so a report rendered again from the run's tables resamples the
 * same clusters. A run whose datasets have no patient ids writes no such file.
 */
public final class PatientsTable {
  public static final String DATASET = "dataset";
  public static final String VIDEO = "video";
  public static final String PATIENT = "patient";

  /** The file name inside a run directory. */
  public static final String FILE_NAME = "patients.csv";

  public static final CsvSchema SCHEMA = new CsvSchema("patients",
      List.of(CsvColumn.required(DATASET, ColumnType.TEXT),
          CsvColumn.required(VIDEO, ColumnType.TEXT),
          CsvColumn.required(PATIENT, ColumnType.TEXT)),
      List.of(DATASET, VIDEO), (table, row) -> Optional.empty());

  private PatientsTable() {}

  /**
   * The resampling units {@code file} lists.
   *
   * @throws echobench.reports.io.InputException naming the file and line of a problem
   */
  public static ResamplingUnits read(Path file) {
    Table table = SCHEMA.read(file);
    Map<String, Map<String, String>> patients = new LinkedHashMap<>();
    for (int i = 0; i < table.rowCount(); i++) {
      patients.computeIfAbsent(table.stringColumn(DATASET).get(i), d -> new TreeMap<>())
          .put(table.stringColumn(VIDEO).get(i), table.stringColumn(PATIENT).get(i));
    }
    return new ResamplingUnits(patients);
  }

  /** Writes the patients of {@code units} atomically, by dataset and video. */
  public static void write(ResamplingUnits units, Path file) {
    Table table = SCHEMA.emptyTable();
    new TreeMap<>(units.patients()).forEach((dataset, byVideo) ->
        new TreeMap<>(byVideo).forEach((video, patient) -> {
          table.stringColumn(DATASET).append(dataset);
          table.stringColumn(VIDEO).append(video);
          table.stringColumn(PATIENT).append(patient);
        }));
    SCHEMA.write(table, file);
  }
}
