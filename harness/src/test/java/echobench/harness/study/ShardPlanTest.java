package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.Condition;
import echobench.reports.io.InputException;
import echobench.reports.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --shard I/N}: parsing, the split of a study's work and the merge's completeness check. */
class ShardPlanTest {
  @TempDir Path dir;

  @Test
  void parsesIOfNFromZeroAndRefusesTheRest() {
    ShardPlan plan = ShardPlan.parse("7/8");
    assertThat(plan.index()).isEqualTo(7);
    assertThat(plan.count()).isEqualTo(8);
    assertThat(plan.isWhole()).isFalse();
    assertThat(ShardPlan.parse("0/1").isWhole()).isTrue();
    for (String bad : new String[] {"8/8", "1/0", "3", "-1/4", "a/b", "1/2/3", ""}) {
      assertThatThrownBy(() -> ShardPlan.parse(bad)).as(bad)
          .isInstanceOf(InputException.class).hasMessageStartingWith("--shard " + bad + ":");
    }
  }

  @Test
  void everyUnitBelongsToExactlyOneShardRoundRobinInPlanOrder() throws Exception {
    Path file = Files.writeString(dir.resolve("plan.yaml"), "name: plan\n"
        + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 16}\n"
        + "  kids: {kind: synthetic, cohort: pediatric, count: 16}\n"
        + "train: adult\nevaluate: [adult, kids]\nfine_tune: [kids]\n"
        + "label_fractions: [0.5, 1.0]\n"
        + "models:\n  - {name: a, random_init: {encoder: micro, seed: 0}}\n"
        + "  - {name: b, random_init: {encoder: micro, seed: 1}}\n"
        + "probes:\n  - {kind: linear}\n  - {kind: knn}\n"
        + "perturbations:\n  - {name: depth-exp, severities: [1]}\n");
    StudyConfig config = StudyConfig.read(file);
    List<String> all = ShardPlan.allUnits(config);
    String half = LabelSubset.grid(List.of(0.5), 1).get(1).suffix();
    // adult: 2 models x 2 probes x (all, half); kids (fine-tuned): 2 x 2; then 2 datasets x
    // (clean, depth-exp@1) x 2 models evaluated
    assertThat(all).hasSize(8 + 4 + 8);
    assertThat(all.subList(0, 4)).containsExactly("fit adult a/linear", "fit adult a/linear"
        + half, "fit adult a/knn", "fit adult a/knn" + half);
    assertThat(all.get(8)).isEqualTo("fit kids a/linear");
    assertThat(all.get(12)).isEqualTo("evaluate adult a " + Condition.CLEAN.label());
    assertThat(all.get(19)).isEqualTo("evaluate kids b depth-exp@1");
    int count = 3;
    List<ShardPlan.Units> shards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      shards.add(ShardPlan.parse(i + "/" + count).units(config));
    }
    assertThat(shards.stream().mapToInt(ShardPlan.Units::size)).containsExactly(7, 7, 6);
    for (int i = 0; i < count; i++) {
      // unit 1 (adult a/linear on half the labels) is shard 1's, unit 19 (kids, b, depth) shard 1's
      assertThat(shards.get(i).fits("adult", "a", "linear", half)).isEqualTo(i == 1);
      assertThat(shards.get(i).evaluates("kids", "b", new Condition("depth-exp", 1)))
          .isEqualTo(i == 1);
      // unit 12 (adult, clean, a) is shard 0's
      assertThat(shards.get(i).evaluates("adult", "a", Condition.CLEAN)).isEqualTo(i == 0);
    }
    ShardPlan.Units whole = ShardPlan.WHOLE.units(config);
    assertThat(whole.whole()).isTrue();
    assertThat(whole.size()).isEqualTo(all.size());
  }

  @Test
  void mergeNamesTheShardsThatHaveNotFinished() throws Exception {
    Path config = Files.writeString(dir.resolve("study.yaml"), "name: x\n");
    String sha = Sha256.hexOfFile(config);
    Path shards = dir.resolve("run").resolve(RunCache.FOLDER).resolve("shards");
    assertThatThrownBy(() -> ShardRecord.requireComplete(dir.resolve("run")))
        .isInstanceOf(InputException.class).hasMessageContaining("no finished shard here");
    for (int i : new int[] {0, 2, 4}) {
      new ShardRecord(config.toString(), sha, i, 5, 3)
          .write(shards.resolve(ShardRecord.fileName(ShardPlan.parse(i + "/5"))));
    }
    assertThatThrownBy(() -> ShardRecord.requireComplete(dir.resolve("run")))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("run") + ": shards 1/5, 3/5 of 5 have not finished; run them (or"
            + " all with --resume) before merging");
    for (int i : new int[] {1, 3}) {
      new ShardRecord(config.toString(), sha, i, 5, 3)
          .write(shards.resolve(ShardRecord.fileName(ShardPlan.parse(i + "/5"))));
    }
    assertThat(ShardRecord.requireComplete(dir.resolve("run"))).isEqualTo(config);
    Files.writeString(config, "name: y\n");
    assertThatThrownBy(() -> ShardRecord.requireComplete(dir.resolve("run")))
        .hasMessageContaining("changed since the shards");
  }
}
