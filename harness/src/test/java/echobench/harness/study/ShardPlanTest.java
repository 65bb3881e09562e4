package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.BadInputException;
import echobench.reports.Condition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --shard I/N}: parsing, the split of a study's work, and the merge's completeness check. */
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
          .isInstanceOf(BadInputException.class).hasMessageStartingWith("--shard " + bad + ":");
    }
  }

  @Test
  void everyUnitBelongsToExactlyOneShardRoundRobinInPlanOrder() throws Exception {
    StudyConfig config = StudyConfig.read(SmokeConfig.path());
    List<String> all = ShardPlan.allUnits(config);
    int conditions = config.conditions().size();
    // 3 models x 2 probes fitted on adult, then 2 datasets x conditions x 3 models evaluated
    assertThat(all).hasSize(3 * 2 + 2 * conditions * 3);
    assertThat(all.get(0)).isEqualTo("fit adult jepa-micro/attentive");
    assertThat(all.get(6)).isEqualTo("evaluate adult jepa-micro " + Condition.CLEAN.label());
    int count = 4;
    List<ShardPlan.Units> shards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      shards.add(ShardPlan.parse(i + "/" + count).units(config));
    }
    int total = 0;
    for (int i = 0; i < count; i++) {
      total += shards.get(i).size();
    }
    assertThat(total).isEqualTo(all.size());
    // unit j = 7 is the second evaluation unit: adult, clean, mae-micro; 7 mod 4 = shard 3
    for (int i = 0; i < count; i++) {
      assertThat(shards.get(i).evaluates("adult", "mae-micro", Condition.CLEAN)).isEqualTo(i == 3);
      assertThat(shards.get(i).fits("adult", "jepa-micro", "linear", "")).isEqualTo(i == 1);
    }
    ShardPlan.Units whole = ShardPlan.WHOLE.units(config);
    assertThat(whole.whole()).isTrue();
    assertThat(whole.size()).isEqualTo(all.size());
  }

  @Test
  void mergeNamesTheShardsThatHaveNotFinished() throws Exception {
    Path config = Files.writeString(dir.resolve("study.yaml"), "name: x\n");
    String sha = Fingerprint.sha256(config);
    Path shards = dir.resolve("run").resolve(RunCache.FOLDER).resolve("shards");
    assertThatThrownBy(() -> ShardRecord.requireComplete(dir.resolve("run")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no finished shard here");
    for (int i : new int[] {0, 2, 4}) {
      new ShardRecord(config.toString(), sha, i, 5, 3)
          .write(shards.resolve(ShardRecord.fileName(ShardPlan.parse(i + "/5"))));
    }
    assertThatThrownBy(() -> ShardRecord.requireComplete(dir.resolve("run")))
        .isInstanceOf(BadInputException.class)
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
