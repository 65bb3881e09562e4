package echobench.reports.io;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of one family of config entries (datasets, probes, …) that a {@code kind:} key
 * selects: a list of Jackson {@link NamedType}s, one per kind, each naming the class that holds
 * that kind's keys and behaviour. A family's base type names its registry with {@code
 * @JsonTypeInfo(use = NAME, include = EXISTING_PROPERTY, property = "kind")} and {@code
 * @JsonTypeIdResolver(TheRegistry.class)}; every mapper then reads the family without further
 * registration. Kind names match regardless of case; an unknown kind is an error listing the known
 * ones, never a default.
 */
public abstract class KindRegistry extends TypeIdResolverBase {
  private final String family;
  private final List<NamedType> kinds;

  /**
   * @param family what an entry is, for messages ({@code dataset}, {@code probe})
   * @param kinds each kind's class and name
   */
  protected KindRegistry(String family, List<NamedType> kinds) {
    this.family = family;
    this.kinds = List.copyOf(kinds);
  }

  /** What an entry of the family is, for messages. */
  public String family() {
    return family;
  }

  /** The kind names in registration order. */
  public List<String> names() {
    return kinds.stream().map(NamedType::getName).toList();
  }

  /** The registered classes in registration order. */
  public List<Class<?>> types() {
    return kinds.stream().<Class<?>>map(NamedType::getType).toList();
  }

  /** The kind name of {@code type}. */
  public String nameOf(Class<?> type) {
    return kinds.stream().filter(k -> k.getType().equals(type)).map(NamedType::getName)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(type + " is not a registered " + family));
  }

  @Override
  public String idFromValue(Object value) {
    return nameOf(value.getClass());
  }

  @Override
  public String idFromValueAndType(Object value, Class<?> suggestedType) {
    return nameOf(value != null ? value.getClass() : suggestedType);
  }

  @Override
  public JavaType typeFromId(DatabindContext context, String id) throws IOException {
    for (NamedType kind : kinds) {
      if (kind.getName().equalsIgnoreCase(id)) {
        return context.constructType(kind.getType());
      }
    }
    String message = "unknown " + family + " kind '" + id + "' (known: "
        + getDescForKnownTypeIds() + ")";
    if (context instanceof DeserializationContext read) {
      throw InvalidTypeIdException.from(read.getParser(), message, null, id);
    }
    throw new IllegalArgumentException(message);
  }

  @Override
  public String getDescForKnownTypeIds() {
    return String.join(", ", names());
  }

  @Override
  public JsonTypeInfo.Id getMechanism() {
    return JsonTypeInfo.Id.NAME;
  }

  /**
   * For a registered kind's class, {@code "a <kind> <family>"} (as in "a synthetic dataset"), for
   * messages about its keys; empty for any other class.
   */
  public static Optional<String> describe(Class<?> type) {
    for (Class<?> family : type.getInterfaces()) {
      Optional<KindRegistry> registry = of(family).filter(r -> r.types().contains(type));
      if (registry.isPresent()) {
        return Optional.of("a " + registry.get().nameOf(type) + " " + registry.get().family());
      }
    }
    return Optional.empty();
  }

  /** The registry of family {@code base} (the type naming it with {@code @JsonTypeIdResolver}). */
  public static Optional<KindRegistry> of(Class<?> base) {
    JsonTypeIdResolver resolver = base == null ? null : base.getAnnotation(JsonTypeIdResolver.class);
    return resolver != null && KindRegistry.class.isAssignableFrom(resolver.value())
        ? Optional.of(instance(resolver.value()))
        : Optional.empty();
  }

  private static KindRegistry instance(Class<?> type) {
    try {
      return (KindRegistry) type.getDeclaredConstructor().newInstance();
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException
        | NoSuchMethodException e) {
      throw new IllegalStateException(type + " needs a public constructor without arguments", e);
    }
  }
}
