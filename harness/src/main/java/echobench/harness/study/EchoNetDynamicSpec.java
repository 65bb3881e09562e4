package echobench.harness.study;

import echobench.harness.task.EchoTask;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.Sample;
import java.nio.file.Path;
import java.util.List;

/**
 * The real EchoNet-Dynamic layout ({@code kind: echonet-dynamic}).
 *
 * @param root the folder holding {@code FileList.csv} and {@code Videos/}, relative to the config
 * @param view keeps one view when the file list has a {@code View} column (optional)
 */
public record EchoNetDynamicSpec(String root, String view) implements DatasetSpec {

  /** Checks the keys. */
  public EchoNetDynamicSpec {
    if (root == null) {
      throw new IllegalArgumentException("a echonet-dynamic dataset needs 'root'");
    }
    DatasetSpec.requireView(view);
  }

  /** Reads the entry; {@code kind} was matched by the registry and is listed to keep key order. */
  @JsonCreator
  EchoNetDynamicSpec(@JsonProperty("kind") String kind, @JsonProperty("root") String root,
      @JsonProperty("view") String view) {
    this(root, view);
  }

  @Override
  public List<Sample> load(Path configDir, SyntheticCohorts cohorts, EchoTask task) {
    return EchoNetDynamicDataset.load(configDir.resolve(root)).samples();
  }

  @Override
  public Path source(Path configDir, SyntheticCohorts cohorts) {
    return configDir.resolve(root).resolve(EchoNetDynamicDataset.FILE_LIST);
  }
}
