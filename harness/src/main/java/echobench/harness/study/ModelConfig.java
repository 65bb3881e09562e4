package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One encoder of a study: its name in the tables and exactly one source of weights, written as
 * the source's key beside the name ({@code - name: x} then {@code checkpoint: zoo:…}, {@code
 * random_init: {…}}, …; the keys are those of {@link ModelSources}).
 *
 * @param name the encoder's name ({@code <name>/<probe>} in the tables); no slash
 * @param source where its weights come from
 */
@JsonDeserialize(using = ModelConfig.Reader.class)
public record ModelConfig(String name, ModelSource source) {

  /** Checks the name and the source. */
  public ModelConfig {
    if (name == null || name.isBlank() || name.contains("/") || name.contains(",")) {
      throw new IllegalArgumentException(
          "every model needs a name without '/' or ',', not " + name);
    }
    if (source == null) {
      throw new IllegalArgumentException("model " + name + " needs exactly one of "
          + String.join(", ", ModelSources.keys()) + " (found 0)");
    }
  }

  /** The entry as written: the name, then the source under its key. */
  @JsonValue
  Map<String, Object> entry() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put(ModelSources.keyOf(source), source);
    return entry;
  }

  /**
   * Reads an entry: {@code name} and the one source key, each source read as its registered
   * class. Another key is an unknown key; two source keys are an error naming them.
   */
  static final class Reader extends StdDeserializer<ModelConfig> {
    Reader() {
      super(ModelConfig.class);
    }

    @Override
    public ModelConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartObjectToken()) {
        return (ModelConfig) ctxt.handleUnexpectedToken(ModelConfig.class, p);
      }
      String name = null;
      List<String> keys = new ArrayList<>();
      ModelSource source = null;
      for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
        p.nextToken();
        if (key.equals("name")) {
          name = p.currentToken() == JsonToken.VALUE_NULL ? null
              : ctxt.readValue(p, String.class);
          continue;
        }
        Class<?> type = ModelSources.type(key).orElse(null);
        if (type == null) {
          ctxt.handleUnknownProperty(p, this, ModelConfig.class, key);
          continue;
        }
        keys.add(key);
        try {
          source = (ModelSource) ctxt.readValue(p, type);
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, ModelConfig.class, key);
        }
      }
      try {
        if (keys.size() > 1) {
          throw new IllegalArgumentException("model " + name + " needs exactly one of "
              + String.join(", ", ModelSources.keys()) + " (found " + keys.size() + ": "
              + String.join(", ", keys) + ")");
        }
        if (source == null && keys.size() == 1) {
          throw new IllegalArgumentException("model " + name + ": '" + keys.get(0)
              + "' needs a value");
        }
        return new ModelConfig(name, source);
      } catch (IllegalArgumentException e) {
        throw ValueInstantiationException.from(p, e.getMessage(),
            ctxt.constructType(ModelConfig.class), e);
      }
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
      List<Object> known = new ArrayList<>(List.of("name"));
      known.addAll(ModelSources.keys());
      return known;
    }
  }
}
