package echobench.models.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.ModelInputException;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports a V-JEPA 2 / EchoJEPA encoder from a {@code .safetensors} file through an explicit key map.
 *
 * <p>The file may hold a whole pretraining checkpoint flattened ({@code target_encoder.module.backbone.
 * blocks.0.attn.qkv.weight}, {@code encoder.…}, {@code predictor.…}) or a single state dict ({@code
 * module.backbone.blocks.0…}). The map: keep only the chosen section ({@code target_encoder}, which
 * the EchoJEPA probes use, or {@code encoder}) when sections exist; strip every leading {@code
 * module.} and {@code backbone.}; drop {@code pos_embed} (unused under rotary positions, as upstream).
 * What remains must be exactly the ViT's parameter set with identical shapes: otherwise the import
 * fails listing the missing keys, the unexpected keys and the shape mismatches. There is no partial
 * load.
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

  private static final List<String> SECTIONS =
      List.of("target_encoder.", "encoder.", "predictor.", "opt.", "scaler.");
  private static final Set<String> IGNORED = Set.of("pos_embed");

  private VJepaImporter() {}

  /**
   * Builds a {@code config} ViT in {@code manager} and fills it from {@code file}.
   *
   * @throws ModelInputException naming the file and every missing, unexpected or misshapen key
   */
  public static VisionTransformer load(
      Path file, VitConfig config, Section section, NDManager manager) {
    VisionTransformer encoder = new VisionTransformer(new ParameterFactory(manager, 0), config);
    try (NDManager reading = manager.newSubManager()) {
      Map<String, NDArray> raw = SafeTensors.read(file, reading);
      Map<String, NDArray> mapped = mapKeys(file, raw, section);
      check(file, encoder.parameters(), mapped);
      encoder.load(mapped);
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
    return encoder;
  }

  /** Applies the key map: section choice, prefix stripping, ignored keys. */
  static Map<String, NDArray> mapKeys(Path file, Map<String, NDArray> raw, Section section) {
    boolean sectioned = raw.keySet().stream().anyMatch(k -> SECTIONS.stream().anyMatch(k::startsWith));
    Map<String, NDArray> mapped = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : raw.entrySet()) {
      String key = e.getKey();
      if (sectioned) {
        if (!key.startsWith(section.key() + ".")) {
          continue;
        }
        key = key.substring(section.key().length() + 1);
      }
      key = stripWrappers(key);
      if (IGNORED.contains(key)) {
        continue;
      }
      String previous = origin.put(key, e.getKey());
      if (previous != null) {
        throw new ModelInputException(
            file + ": keys " + previous + " and " + e.getKey() + " both map to " + key);
      }
      mapped.put(key, e.getValue());
    }
    if (sectioned && mapped.isEmpty()) {
      throw new ModelInputException(file + ": no '" + section.key() + "' section in the file");
    }
    return mapped;
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

  private static void check(Path file, Map<String, NDArray> expected, Map<String, NDArray> found) {
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(found.keySet());
    Set<String> unexpected = new TreeSet<>(found.keySet());
    unexpected.removeAll(expected.keySet());
    List<String> mismatched = new ArrayList<>();
    expected.forEach(
        (k, v) -> {
          NDArray f = found.get(k);
          if (f != null && !f.getShape().equals(v.getShape())) {
            mismatched.add(k + " " + f.getShape() + " != expected " + v.getShape());
          }
        });
    if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
      throw new ModelInputException(
          file + ": does not match the ViT (missing keys " + missing + "; unexpected keys "
              + unexpected + "; shape mismatches " + mismatched + ")");
    }
  }
}
