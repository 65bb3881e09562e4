package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import echobench.reports.io.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a finished shard leaves in {@code <run>/cache/shards/}: the config it ran (its absolute
 * path and SHA-256) and which shard of how many it was. {@link #requireComplete} reads them all
 * before {@code echobench merge} writes the tables.
 *
 * @param config the config file's absolute path
 * @param configSha256 the config file's SHA-256 when the shard ran
 * @param index the shard's index, from 0
 * @param count the number of shards
 * @param units the units of work the shard did ({@link ShardPlan})
 */
record ShardRecord(
    @JsonProperty("config") String config,
    @JsonProperty("config_sha256") String configSha256,
    @JsonProperty("index") int index,
    @JsonProperty("count") int count,
    @JsonProperty("units") int units) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The record's file name for shard {@code plan}. */
  static String fileName(ShardPlan plan) {
    return "shard-" + plan.index() + "-of-" + plan.count() + ".json";
  }

  /** Writes this record to {@code file} atomically. */
  void write(Path file) {
    try {
      AtomicFiles.writeString(file, JSON.writeValueAsString(this));
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(file + ": cannot record the finished shard (" + e.getMessage()
          + ")", e);
    }
  }

  /**
   * The config of run folder {@code runDir} once every shard of it has finished.
   *
   * @throws InputException in one line when no shard has finished there, the shards disagree
   *     on their config or count, some have not finished (named), or the config has changed
   */
  static Path requireComplete(Path runDir) {
    Path folder = runDir.resolve(RunCache.FOLDER).resolve("shards");
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> entries = Files.list(folder)) {
        entries.filter(f -> f.getFileName().toString().matches("shard-\\d+-of-\\d+\\.json"))
            .sorted().forEach(files::add);
      } catch (IOException e) {
        throw new InputException(folder + ": cannot list the finished shards ("
            + e.getMessage() + ")", e);
      }
    }
    if (files.isEmpty()) {
      throw new InputException(runDir + ": no finished shard here (nothing in " + folder
          + "); run `echobench run CONFIG --out " + runDir + " --shard I/N` first");
    }
    TreeMap<Integer, ShardRecord> done = new TreeMap<>();
    ShardRecord first = null;
    for (Path file : files) {
      ShardRecord record = read(file);
      if (first == null) {
        first = record;
      } else if (record.count() != first.count() || !record.configSha256()
          .equals(first.configSha256())) {
        throw new InputException(file + ": shard " + record.index() + "/" + record.count()
            + " ran another split or config than shard " + first.index() + "/" + first.count()
            + "; one run folder takes the shards of one config and one N");
      }
      done.put(record.index(), record);
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < first.count(); i++) {
      if (!done.containsKey(i)) {
        missing.add(i + "/" + first.count());
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(runDir + ": shard" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + " of " + first.count() + " ha"
          + (missing.size() > 1 ? "ve" : "s") + " not finished; run "
          + (missing.size() > 1 ? "them" : "it") + " (or all with --resume) before merging");
    }
    Path config = Path.of(first.config());
    if (!Files.isRegularFile(config)) {
      throw new InputException(config + ": the shards' config is gone (run folder " + runDir
          + ")");
    }
    if (!Sha256.hexOfFile(config).equals(first.configSha256())) {
      throw new InputException(config + ": changed since the shards of " + runDir
          + " ran; rerun them with the new config or restore it");
    }
    return config;
  }

  private static ShardRecord read(Path file) {
    try {
      return JSON.readValue(file.toFile(), ShardRecord.class);
    } catch (IOException e) {
      throw new InputException(file + ": unreadable shard record (" + e.getMessage().lines()
          .findFirst().orElse("").strip() + ")", e);
    }
  }
}
