package echobench.models.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import echobench.reports.io.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a V-JEPA 2 / EchoJEPA (or V-JEPA 1) encoder from a {@code .safetensors} file through an
 * explicit key map, and accounts for every tensor in an {@link ImportReport}.
 *
 * <p>The file may hold a whole pretraining checkpoint flattened ({@code target_encoder.module.backbone.
 * blocks.0.attn.qkv.weight}, {@code encoder.…}, {@code predictor.…}, {@code opt.…}) or a single state
 * dict ({@code module.backbone.blocks.0…}). The map: keep only the chosen section ({@code
 * target_encoder}, which the EchoJEPA probes use, or {@code encoder}) when sections exist, listing
 * the other known sections as ignored; strip every leading {@code module.} and {@code backbone.}.
 * {@code pos_embed} is used by a sincos ViT; a rotary ViT ignores it only when the caller says so
 * ({@link PosEmbed#IGNORE}: V-JEPA 2's released files carry an unused one), otherwise the import is
 * refused, because the same tensor in a V-JEPA 1 or VideoMAE file means the positions would be lost.
 * What remains must be exactly the ViT's parameter set with identical shapes: otherwise the import
 * fails in one line with the architecture the tensors' shapes imply (width, depth, tokenisation, MLP
 * width; attention heads leave no trace in the shapes) and the missing, unexpected and misshapen
 * keys. A tensor under no known section is unexpected, never skipped. There is no partial load.
 */
public final class VJepaImporter {
  /** Which encoder of a pretraining checkpoint to import. */
  public enum Section {
    /** The EMA target encoder (EchoJEPA's {@code checkpoint_key: target_encoder}). */
    TARGET_ENCODER("target_encoder"),
    /** The online context encoder. */
    ENCODER("encoder");

    private final String key;

    Section(String key) {
      this.key = key;
    }

    /** The top-level key of this section. */
    public String key() {
      return key;
    }
  }

  /** What a rotary ViT does with a {@code pos_embed} tensor in the file. */
  public enum PosEmbed {
    /** Refuse the file: the user has not said which positions the weights were trained with. */
    REFUSE,
    /** Ignore it and list it in the report (the user declared the weights rotary). */
    IGNORE
  }

  /** An imported encoder and the account of the file's tensors. */
  public record Imported(VisionTransformer encoder, ImportReport report) {}

  private static final String POS_EMBED = "pos_embed";
  private static final Map<String, String> OTHER_SECTIONS =
      Map.of(
          "target_encoder.", "other encoder section",
          "encoder.", "other encoder section",
          "predictor.", "JEPA predictor",
          "opt.", "optimizer state",
          "scaler.", "optimizer state");
  private static final Pattern BLOCK = Pattern.compile("blocks\\.(\\d+)\\..*");

  private VJepaImporter() {}

  /**
   * {@link #importEncoder} refusing a {@code pos_embed} in a file for a rotary ViT; returns the
   * encoder alone.
   */
  public static VisionTransformer load(
      Path file, VitConfig config, Section section, NDManager manager) {
    return importEncoder(file, config, section, PosEmbed.REFUSE, manager).encoder();
  }

  /**
   * Builds a {@code config} ViT in {@code manager} and fills it from {@code file}.
   *
   * @param posEmbed what a rotary {@code config} does with a {@code pos_embed} in the file
   * @throws InputException one line naming the file and what does not match
   */
  public static Imported importEncoder(
      Path file, VitConfig config, Section section, PosEmbed posEmbed, NDManager manager) {
    VisionTransformer encoder = new VisionTransformer(new ParameterFactory(manager, 0), config);
    try (NDManager reading = manager.newSubManager()) {
      Map<String, NDArray> raw = SafeTensors.read(file, reading);
      KeyMap map = mapKeys(file, raw, section, config, posEmbed);
      ImportReport report = check(file, encoder.parameters(), map);
      if (!report.clean()) {
        throw new InputException(
            file + ": " + architecture(config, map.tensors) + report.details());
      }
      encoder.load(map.tensors);
      return new Imported(encoder, report);
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  /** The mapped tensors, the ignored keys with their reasons and the keys under no known section. */
  private record KeyMap(
      Map<String, NDArray> tensors, Map<String, String> ignored, List<String> unknown) {}

  private static KeyMap mapKeys(
      Path file, Map<String, NDArray> raw, Section section, VitConfig config, PosEmbed posEmbed) {
    boolean sectioned =
        raw.keySet().stream().anyMatch(k -> OTHER_SECTIONS.keySet().stream().anyMatch(k::startsWith));
    String chosen = section.key() + ".";
    Map<String, NDArray> mapped = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    Map<String, String> ignored = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, NDArray> e : raw.entrySet()) {
      String key = e.getKey();
      if (sectioned) {
        if (!key.startsWith(chosen)) {
          String reason =
              OTHER_SECTIONS.entrySet().stream()
                  .filter(s -> key.startsWith(s.getKey()))
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse(null);
          if (reason == null) {
            unknown.add(key);
          } else {
            ignored.put(key, reason);
          }
          continue;
        }
      }
      String name = stripWrappers(sectioned ? key.substring(chosen.length()) : key);
      if (name.equals(POS_EMBED) && config.positions() == VitConfig.Positions.ROPE) {
        if (posEmbed == PosEmbed.REFUSE) {
          throw new InputException(
              file + ": holds " + key + " " + e.getValue().getShape() + " (sincos positions) but the "
                  + "encoder is rotary; declare positions: sincos for V-JEPA 1 / VideoMAE weights, or "
                  + "positions: rope for V-JEPA 2 weights whose pos_embed is unused");
        }
        ignored.put(key, "pos_embed unused by a rotary ViT");
        continue;
      }
      String previous = origin.put(name, key);
      if (previous != null) {
        throw new InputException(
            file + ": keys " + previous + " and " + key + " both map to " + name);
      }
      mapped.put(name, e.getValue());
    }
    if (sectioned && mapped.isEmpty()) {
      throw new InputException(file + ": no '" + section.key() + "' section in the file");
    }
    return new KeyMap(mapped, ignored, unknown);
  }

  private static String stripWrappers(String key) {
    String k = key;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String wrapper : List.of("module.", "backbone.")) {
        if (k.startsWith(wrapper)) {
          k = k.substring(wrapper.length());
          changed = true;
        }
      }
    }
    return k;
  }

  private static ImportReport check(Path file, Map<String, NDArray> expected, KeyMap found) {
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(found.tensors.keySet());
    Set<String> unexpected = new TreeSet<>(found.unknown);
    found.tensors.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(unexpected::add);
    List<String> mismatched = new ArrayList<>();
    expected.forEach(
        (k, v) -> {
          NDArray f = found.tensors.get(k);
          if (f != null && !f.getShape().equals(v.getShape())) {
            mismatched.add(k + " " + f.getShape() + " != expected " + v.getShape());
          }
        });
    int used = 0;
    for (Map.Entry<String, NDArray> e : expected.entrySet()) {
      NDArray f = found.tensors.get(e.getKey());
      used += f != null && f.getShape().equals(e.getValue().getShape()) ? 1 : 0;
    }
    return new ImportReport(
        file.toString(), used, found.ignored, List.copyOf(missing), List.copyOf(unexpected),
        mismatched);
  }

  /**
   * "the weights are a ViT of width …, the config asks for …; " when the tensors' shapes imply
   * another architecture than {@code config}, else the empty string.
   */
  private static String architecture(VitConfig config, Map<String, NDArray> tensors) {
    NDArray embed = tensors.get("patch_embed.proj.weight");
    NDArray fc1 = tensors.get("blocks.0.mlp.fc1.weight");
    if (embed == null || embed.getShape().dimension() != 5 || fc1 == null) {
      return "";
    }
    int depth = 0;
    for (String key : tensors.keySet()) {
      Matcher m = BLOCK.matcher(key);
      if (m.matches()) {
        depth = Math.max(depth, Integer.parseInt(m.group(1)) + 1);
      }
    }
    String file =
        describe(embed.getShape().get(0), depth, embed.getShape().get(2), embed.getShape().get(3),
            fc1.getShape().get(0));
    String wanted =
        describe(config.embedDim(), config.depth(), config.tubelet(), config.patch(),
            config.mlpHidden());
    return file.equals(wanted)
        ? ""
        : "the weights are a ViT of " + file + " but the config asks for " + wanted + "; ";
  }

  private static String describe(long width, long depth, long tubelet, long patch, long mlp) {
    return "width " + width + ", depth " + depth + ", tubelet " + tubelet + ", patch " + patch
        + ", MLP " + mlp;
  }
}
