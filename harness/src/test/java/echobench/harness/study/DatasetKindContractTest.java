package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.task.EchoTasks;
import echobench.reports.io.StrictYaml;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered dataset kind, read from a {@code kind:} entry through the registry, lists the
 * samples of a tiny dataset the test writes (or, for a synthetic cohort, generates), with the
 * labels and splits written, names an existing source file, fingerprints the same listing the same
 * way, and writes back the entry it read.
 */
class DatasetKindContractTest {
  /** A tiny dataset of one kind: the entry to read and what it must list. */
  private interface Fixture {
    /** Writes the dataset's files under {@code dir}; returns the YAML entry (without kind). */
    String write(Path dir) throws IOException;

    /** The EF label of each expected sample, by id, and each one's split. */
    Map<String, Object[]> expected(Path dir) throws IOException;
  }

  private static final String DYNAMIC_HEADER = "FileName,EF,Split\n";
  private static final String PEDIATRIC_HEADER = "FileName,EF,Split\n";

  private static final Map<String, Fixture> FIXTURES = Map.of(
      "echonet-dynamic", new Fixture() {
        @Override
        public String write(Path dir) throws IOException {
          Files.writeString(Files.createDirectories(dir.resolve("dynamic"))
              .resolve("FileList.csv"), DYNAMIC_HEADER + "a,61.5,TRAIN\nb,35,VAL\nc,52,TEST\n");
          return "root: dynamic";
        }

        @Override
        public Map<String, Object[]> expected(Path dir) {
          return Map.of("a", new Object[] {61.5f, Split.TRAIN}, "b", new Object[] {35f, Split.VAL},
              "c", new Object[] {52f, Split.TEST});
        }
      },
      "echonet-pediatric", new Fixture() {
        @Override
        public String write(Path dir) throws IOException {
          Path a4c = Files.createDirectories(dir.resolve("pediatric/A4C"));
          Files.writeString(a4c.resolve("FileList.csv"),
              PEDIATRIC_HEADER + "CR1-CR2-1.avi,58,2\nCR3-CR4-1.avi,44,3\nCR5-CR6-1.avi,66,5\n");
          Path psax = Files.createDirectories(dir.resolve("pediatric/PSAX"));
          Files.writeString(psax.resolve("FileList.csv"), PEDIATRIC_HEADER);
          return "root: pediatric\ntest_fold: 2";
        }

        @Override
        public Map<String, Object[]> expected(Path dir) {
          // Test fold 2: fold 2 is TEST, fold 3 VAL, the rest TRAIN.
          return Map.of("A4C/CR1-CR2-1", new Object[] {58f, Split.TEST},
              "A4C/CR3-CR4-1", new Object[] {44f, Split.VAL},
              "A4C/CR5-CR6-1", new Object[] {66f, Split.TRAIN});
        }
      },
      "list-csv", new Fixture() {
        @Override
        public String write(Path dir) throws IOException {
          Files.writeString(dir.resolve("train.csv"), "v/a.avi 40\nv/b.avi 70.5\n");
          Files.writeString(dir.resolve("test.csv"), "v/c.avi 55\n");
          return "root: .\nfiles: {train: train.csv, test: test.csv}";
        }

        @Override
        public Map<String, Object[]> expected(Path dir) {
          return Map.of("v/a", new Object[] {40f, Split.TRAIN},
              "v/b", new Object[] {70.5f, Split.TRAIN}, "v/c", new Object[] {55f, Split.TEST});
        }
      },
      "synthetic", new Fixture() {
        @Override
        public String write(Path dir) {
          return "cohort: adult\ncount: 3\nsize: 32\nframes: 4\nseed: 5";
        }

        @Override
        public Map<String, Object[]> expected(Path dir) throws IOException {
          // The simulator's own file list, read back as rows: id, EF, split.
          Path list;
          try (Stream<Path> found = Files.walk(dir.resolve("cache"))) {
            list = found.filter(p -> p.getFileName().toString().equals("FileList.csv"))
                .findFirst().orElseThrow();
          }
          List<String> lines = Files.readAllLines(list);
          List<String> header = List.of(lines.get(0).split(","));
          Map<String, Object[]> rows = new java.util.HashMap<>();
          for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            rows.put(cells[header.indexOf("FileName")].replace(".avi", ""), new Object[] {
                Float.parseFloat(cells[header.indexOf("EF")]),
                Split.valueOf(cells[header.indexOf("Split")])});
          }
          assertThat(rows).as("the simulator writes one A4C video per subject").hasSize(3);
          return rows;
        }
      });

  @TempDir Path dir;

  static Stream<String> kinds() {
    return DatasetKinds.REGISTRY.names().stream();
  }

  @Test
  void everyRegisteredKindHasAFixture() {
    assertThat(FIXTURES.keySet()).containsExactlyInAnyOrderElementsOf(
        DatasetKinds.REGISTRY.names());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aTinyDatasetLoadsThroughTheRegistry(String kind) throws IOException {
    Fixture fixture = FIXTURES.get(kind);
    Path entry = Files.writeString(dir.resolve("entry.yaml"),
        "kind: " + kind + "\n" + fixture.write(dir) + "\n");

    DatasetSpec spec = StrictYaml.read(entry, DatasetSpec.class);
    assertThat(spec.kind()).isEqualTo(kind);
    assertThat(spec.getClass()).isIn(DatasetKinds.REGISTRY.types());

    SyntheticCohorts cohorts = new SyntheticCohorts(dir.resolve("cache"), new StudyProgress(false));
    StudyDataset first = StudyDataset.load("tiny", spec, dir, cohorts, EchoTasks.defaultTask());
    Map<String, Object[]> expected = fixture.expected(dir);
    assertThat(first.samples()).extracting(Sample::id)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Sample s : first.samples()) {
      assertThat(s.ef()).as(s.id()).isEqualTo(expected.get(s.id())[0]);
      assertThat(s.split()).as(s.id()).isEqualTo(expected.get(s.id())[1]);
    }
    assertThat(first.source()).exists();
    assertThat(StudyDataset.load("tiny", spec, dir, cohorts, EchoTasks.defaultTask()).fingerprint())
        .isEqualTo(first.fingerprint());

    Path written = Files.writeString(dir.resolve("written.yaml"),
        StrictYaml.mapper().writeValueAsString(spec));
    assertThat(Files.readString(written)).startsWith("---\nkind: \"" + kind + "\"");
    assertThat(StrictYaml.read(written, DatasetSpec.class)).isEqualTo(spec);
  }
}
