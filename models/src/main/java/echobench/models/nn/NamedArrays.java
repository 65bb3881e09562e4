package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for maps of named arrays (state dicts): adding and removing a key prefix. */
public final class NamedArrays {
  private NamedArrays() {}

  /** The same arrays with {@code prefix} prepended to every key, order kept. */
  public static Map<String, NDArray> prefixed(String prefix, Map<String, NDArray> arrays) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    arrays.forEach((k, v) -> out.put(prefix + k, v));
    return out;
  }

  /** The entries whose key starts with {@code prefix}, with the prefix removed, order kept. */
  public static Map<String, NDArray> underPrefix(String prefix, Map<String, NDArray> arrays) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    arrays.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }
}
