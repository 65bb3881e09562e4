package echobench.harness.study;

import echobench.harness.task.EchoTask;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.data.EchoNetPediatricDataset;
import echobench.harness.data.Sample;
import java.nio.file.Path;
import java.util.List;

/**
 * The real EchoNet-Pediatric layout ({@code kind: echonet-pediatric}).
 *
 * @param root the folder holding {@code A4C/} and {@code PSAX/}, relative to the config
 * @param view keeps one view folder (optional)
 * @param testFold the held-out fold, 0..9 (default 0)
 */
public record EchoNetPediatricSpec(String root, String view,
    @JsonProperty("test_fold") Integer testFold)
    implements DatasetSpec {

  /** Checks the keys and fills the fold. */
  public EchoNetPediatricSpec {
    if (root == null) {
      throw new IllegalArgumentException("a echonet-pediatric dataset needs 'root'");
    }
    DatasetSpec.requireView(view);
    testFold = testFold(testFold);
  }

  /** Reads the entry; {@code kind} was matched by the registry and is listed to keep key order. */
  @JsonCreator
  EchoNetPediatricSpec(@JsonProperty("kind") String kind, @JsonProperty("root") String root,
      @JsonProperty("view") String view, @JsonProperty("test_fold") Integer testFold) {
    this(root, view, testFold);
  }

  @Override
  public List<Sample> load(Path configDir, SyntheticCohorts cohorts, EchoTask task) {
    return EchoNetPediatricDataset.load(configDir.resolve(root), testFold).samples();
  }

  @Override
  public Path source(Path configDir, SyntheticCohorts cohorts) {
    return configDir.resolve(root);
  }

  /** {@code testFold} checked, 0 when absent. */
  static int testFold(Integer testFold) {
    int fold = testFold == null ? 0 : testFold;
    if (fold < 0 || fold >= EchoNetPediatricDataset.FOLDS) {
      throw new IllegalArgumentException("test_fold must be 0..9, not " + fold);
    }
    return fold;
  }
}
