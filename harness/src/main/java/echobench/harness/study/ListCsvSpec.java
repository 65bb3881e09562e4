package echobench.harness.study;

import echobench.harness.task.EchoTask;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.data.ListCsvDataset;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * V-JEPA style list files ({@code kind: list-csv}); an evaluation-only dataset lists {@code test}
 * alone. For a multi-view task each row lists one path per view of the task, in its order, then
 * the label.
 *
 * @param root the folder the listed video paths are resolved under, relative to the config
 * @param files a list file per split ({@code train}, {@code val}, {@code test}), relative to the
 *     config
 */
public record ListCsvSpec(String root, Map<String, String> files) implements DatasetSpec {
  private static final Set<String> SPLITS = Set.of("train", "val", "test");

  /** Checks the keys. */
  public ListCsvSpec {
    if (root == null) {
      throw new IllegalArgumentException("a list-csv dataset needs 'root'");
    }
    if (files == null) {
      throw new IllegalArgumentException("a list-csv dataset needs 'files'");
    }
    files = Map.copyOf(files);
    for (String split : files.keySet()) {
      if (!SPLITS.contains(split)) {
        throw new IllegalArgumentException(
            "list-csv files are keyed by train, val or test, not " + split);
      }
    }
  }

  /** Reads the entry; {@code kind} was matched by the registry and is listed to keep key order. */
  @JsonCreator
  ListCsvSpec(@JsonProperty("kind") String kind, @JsonProperty("root") String root,
      @JsonProperty("files") Map<String, String> files) {
    this(root, files);
  }

  @Override
  public List<Sample> load(Path configDir, SyntheticCohorts cohorts, EchoTask task) {
    ListCsvDataset.Label label = task.listLabel();
    Path base = configDir.resolve(root);
    List<Sample> samples = new ArrayList<>();
    for (Split split : Split.values()) {
      String file = files.get(split.name().toLowerCase(Locale.ROOT));
      if (file != null) {
        samples.addAll(
            ListCsvDataset.load(configDir.resolve(file), base, label, split, task.views())
                .samples());
      }
    }
    return samples;
  }

  @Override
  public Path source(Path configDir, SyntheticCohorts cohorts) {
    return configDir.resolve(files.values().stream().sorted().findFirst().orElseThrow());
  }
}
