package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named-parameter container: the base of every layer and model in EchoBench.
 *
 * <p>A module owns parameters (DJL arrays, float32, created by a {@link ParameterFactory}) and child
 * modules, each under a name. {@link #parameters()} flattens the tree into an ordered map whose keys
 * are dotted paths such as {@code blocks.0.attn.qkv.weight}; these are exactly the keys of the
 * corresponding PyTorch state dict (V-JEPA's for the video ViT), so checkpoints and imports are plain
 * key-to-array maps. The order is registration order and is stable.
 *
 * <p>Subclasses register everything in their constructor through {@link #parameter} and {@link
 * #child}, then expose a {@code forward(...)} method written with ordinary DJL array operations;
 * autograd comes from DJL's {@code GradientCollector}. Parameters live in the factory's manager for
 * the life of the model; see {@link StepScope} for keeping per-step intermediates out of it.
 */
public abstract class Module {
  private final Map<String, NDArray> own = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();

  /**
   * Registers a trainable parameter under {@code name} (no dots) and returns it. The array is marked
   * as requiring a gradient.
   */
  protected final NDArray parameter(String name, NDArray value) {
    if (name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException("parameter name must be non-empty without dots: " + name);
    }
    if (own.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException("duplicate name " + name);
    }
    value.setRequiresGradient(true);
    own.put(name, value);
    return value;
  }

  /**
   * Registers a child module under {@code name} and returns it. The name may contain dots to form a
   * list, e.g. {@code blocks.3}.
   */
  protected final <M extends Module> M child(String name, M module) {
    if (name.isEmpty() || own.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException("bad or duplicate child name " + name);
    }
    children.put(name, module);
    return module;
  }

  /** Every parameter of this module and its descendants, by dotted name, in registration order. */
  public final Map<String, NDArray> parameters() {
    Map<String, NDArray> all = new LinkedHashMap<>();
    collect("", all);
    return Collections.unmodifiableMap(all);
  }

  private void collect(String prefix, Map<String, NDArray> into) {
    own.forEach((name, value) -> into.put(prefix + name, value));
    children.forEach((name, module) -> module.collect(prefix + name + ".", into));
  }

  /** The parameter arrays in {@link #parameters()} order (handy for {@link StepScope}). */
  public final List<NDArray> parameterArrays() {
    return new ArrayList<>(parameters().values());
  }

  /** The total number of scalar parameters. */
  public final long parameterCount() {
    return parameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
  }

  /**
   * Turns gradient tracking on or off for every parameter: a frozen module (an EMA target, an
   * encoder under a probe) never receives gradients.
   */
  public final void setTrainable(boolean trainable) {
    parameters().values().forEach(p -> p.setRequiresGradient(trainable));
  }

  /**
   * Overwrites every parameter in place with the value of the same name. The key sets must be equal
   * and every shape must match; otherwise nothing is changed and the exception lists the missing
   * keys, unexpected keys and shape mismatches.
   *
   * @throws IllegalArgumentException naming every discrepancy
   */
  public final void load(Map<String, NDArray> values) {
    Map<String, NDArray> mine = parameters();
    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    for (Map.Entry<String, NDArray> e : mine.entrySet()) {
      NDArray v = values.get(e.getKey());
      if (v == null) {
        missing.add(e.getKey());
      } else if (!v.getShape().equals(e.getValue().getShape())) {
        mismatched.add(e.getKey() + " " + v.getShape() + " != expected " + e.getValue().getShape());
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!mine.containsKey(key)) {
        unexpected.add(key);
      }
    }
    if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
      throw new IllegalArgumentException(
          "parameters do not match: missing "
              + missing
              + ", unexpected "
              + unexpected
              + ", shape mismatches "
              + mismatched);
    }
    mine.forEach((name, p) -> overwrite(p, values.get(name)));
  }

  /** Copies all parameters from a module of identical structure (e.g. to initialise an EMA copy). */
  public final void copyFrom(Module source) {
    load(source.parameters());
  }

  /**
   * Copies {@code value} into {@code target}'s own storage. (Not {@code set(Buffer)}: on the CPU that
   * may make the target share the source's memory.)
   */
  static void overwrite(NDArray target, NDArray value) {
    Shape shape = target.getShape();
    if (!value.getShape().equals(shape)) {
      throw new IllegalArgumentException(value.getShape() + " != " + shape);
    }
    NDArray converted = value.toDevice(target.getDevice(), false).toType(target.getDataType(), false);
    target.set(new NDIndex("..."), converted);
    if (converted != value) {
      converted.close();
    }
  }
}
