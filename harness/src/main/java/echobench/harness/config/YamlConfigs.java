package echobench.harness.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import echobench.harness.BadInputException;
import echobench.reports.io.StrictYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML configuration files into typed records: unknown keys, missing required values and
 * wrong types are errors naming the file and line, never silently ignored.
 *
 * <p>Jackson's YAML module only reads parser events, so no YAML tag can construct arbitrary objects;
 * {@link StrictYaml} refuses tags, aliases and anchors outright, duplicate keys, and documents or
 * scalars beyond its limits. Integers do not accept decimals ({@code frames: 4.7} is an error, not
 * 4).
 */
public final class YamlConfigs {
  private static final ObjectMapper YAML =
      // Native type ids would write a config kind as a YAML tag, which the reader refuses; the
      // kinds are written as their plain 'kind' key (see KindRegistry).
      new ObjectMapper(StrictYaml.factory().disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID))
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .findAndRegisterModules();

  static {
    // An empty value ('' or "") is not a number, a list or a record: without this it reads as
    // absent, and the key silently takes its default.
    YAML.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
  }

  private YamlConfigs() {}

  /** The mapper used for every config, for writing resolved configs back out. */
  public static ObjectMapper mapper() {
    return YAML;
  }

  /**
   * Parses {@code file} as a {@code type}.
   *
   * @throws BadInputException naming the file, the line and the offending key or value
   */
  public static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such config file");
    }
    try {
      if (Files.size(file) > StrictYaml.MAX_CHARS) {
        throw new BadInputException(file + ": larger than " + StrictYaml.MAX_CHARS
            + " bytes; a config is a few kilobytes");
      }
      String text = Files.readString(file);
      Optional<StrictYaml.Refusal> refusal = StrictYaml.firstNonPlain(text);
      if (refusal.isPresent()) {
        throw new BadInputException(
            file + ":" + refusal.get().line() + ": " + refusal.get().reason());
      }
      T value = YAML.readValue(text, type);
      if (value == null) {
        throw new BadInputException(file + ": the config is empty");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds() == null
              ? ""
              : " (known: "
                  + e.getKnownPropertyIds().stream()
                      .map(Object::toString)
                      .sorted()
                      .collect(Collectors.joining(", "))
                  + ")";
      String key = "'" + e.getPropertyName() + "'";
      String problem = KindRegistry.describe(e.getReferringClass())
          .map(kind -> "key " + key + " does not apply to " + kind)
          .orElse("unknown key " + key);
      throw new BadInputException(
          file + ":" + keyLine(file, e.getPropertyName(), e.getLocation()) + ": " + problem
              + known,
          e);
    } catch (InvalidTypeIdException e) {
      if (e.getTypeId() == null) {
        String kinds = KindRegistry.of(e.getBaseType() == null ? null
                : e.getBaseType().getRawClass())
            .map(r -> ", one of " + r.getDescForKnownTypeIds()).orElse("");
        throw new BadInputException(file + ":" + valueLine(file, e, "") + ": '" + path(e)
            + "' needs a 'kind'" + kinds, e);
      }
      throw new BadInputException(where(file, e.getLocation()) + "'" + path(e) + "': "
          + oneLine(e.getOriginalMessage()), e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new BadInputException(
          file + ":" + valueLine(file, e, cause.getMessage()) + ": " + oneLine(cause.getMessage()),
          e);
    } catch (MismatchedInputException e) {
      if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("No content")) {
        throw new BadInputException(file + ": the config is empty", e);
      }
      throw new BadInputException(
          where(file, e.getLocation()) + "bad value at '" + path(e) + "': "
              + oneLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
          throw new BadInputException(file + ":" + (marked.getProblemMark().getLine() + 1) + ": "
              + (marked.getContext() != null ? marked.getContext() + ": " : "")
              + oneLine(marked.getProblem()), e);
        }
      }
      throw new BadInputException(where(file, e.getLocation()) + oneLine(e.getOriginalMessage()),
          e);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such config file", e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read config (" + e.getMessage() + ")", e);
    }
  }

  /** {@code text} on one line: each line break and the indentation around it become a space. */
  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String where(Path file, JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? file + ": "
        : file + ":" + location.getLineNr() + ": ";
  }

  /**
   * The line that holds {@code key}: the last one at or before the parser's position. Jackson reports
   * an unknown key of a record where the enclosing mapping ends, which may be lines later.
   */
  private static int keyLine(Path file, String key, JsonLocation location) {
    int reported = location == null ? Integer.MAX_VALUE : Math.max(1, location.getLineNr());
    Pattern keyPattern = Pattern.compile("^\\s*(-\\s+)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*");
    try {
      List<String> lines = Files.readAllLines(file);
      for (int n = Math.min(reported, lines.size()); n >= 1; n--) {
        if (keyPattern.matcher(lines.get(n - 1)).matches()) {
          return n;
        }
      }
    } catch (IOException e) {
      // fall through to the parser's position
    }
    return reported == Integer.MAX_VALUE ? 1 : reported;
  }

  /**
   * The line of the value a record's check refused. Jackson reports the position where the
   * record's mapping ends, which may be the end of the file; instead, this is the line of the key
   * under the record that {@code message} names first, or else of the record itself.
   */
  private static int valueLine(Path file, JsonMappingException e, String message) {
    String record = e.getPath().stream()
        .map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : r.getIndex()))
        .collect(Collectors.joining());
    Map<String, Integer> lines = valueLines(file);
    int best = -1;
    int line = lines.getOrDefault(record, -1);
    for (Map.Entry<String, Integer> entry : lines.entrySet()) {
      String pointer = entry.getKey();
      if (pointer.startsWith(record + "/") && pointer.indexOf('/', record.length() + 1) < 0) {
        Matcher named = Pattern.compile("(?<![\\w-])" + Pattern.quote(
            pointer.substring(record.length() + 1)) + "(?![\\w-])").matcher(message);
        if (named.find() && (best < 0 || named.start() < best)) {
          best = named.start();
          line = entry.getValue();
        }
      }
    }
    if (line > 0) {
      return line;
    }
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
  }

  /** The first line of each key and list item of {@code file}, by JSON pointer. */
  private static Map<String, Integer> valueLines(Path file) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
      while (parser.nextToken() != null) {
        lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
            parser.currentTokenLocation().getLineNr());
      }
    } catch (IOException e) {
      // The file parsed a moment ago; without the map the parser's position is used.
    }
    return lines;
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
