package echobench.harness.study;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.List;
import java.util.Optional;

/** The source keys a {@code models:} entry may hold, exactly one per entry: one line per source. */
final class ModelSources {
  /** Each source's class under its key. */
  static final List<NamedType> SOURCES = List.of(
      new NamedType(PretrainSource.class, "pretrain"),
      new NamedType(CheckpointSource.class, "checkpoint"),
      new NamedType(RandomInitSource.class, "random_init"),
      new NamedType(TorchScriptSource.class, "torchscript"),
      new NamedType(SafetensorsSource.class, "safetensors"));

  private ModelSources() {}

  /** The source keys in registration order. */
  static List<String> keys() {
    return SOURCES.stream().map(NamedType::getName).toList();
  }

  /** The class of source {@code key}, if it is one. */
  static Optional<Class<?>> type(String key) {
    return SOURCES.stream().filter(s -> s.getName().equals(key))
        .<Class<?>>map(NamedType::getType).findFirst();
  }

  /** The key of {@code source}. */
  static String keyOf(ModelSource source) {
    return SOURCES.stream().filter(s -> s.getType().equals(source.getClass()))
        .map(NamedType::getName).findFirst()
        .orElseThrow(() -> new IllegalStateException(source.getClass() + " is not registered"));
  }
}
