package echobench.reports.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringReader;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The one way the project reads YAML (study, pretraining and zoo configs, model blocks, gate
 * rules) into typed records: plain data only. Unknown keys, missing required values and wrong
 * types are errors naming the file and line, on one line, never silently ignored. Duplicate keys
 * are errors; integers do not accept decimals ({@code frames: 4.7} is an error, not 4); an empty
 * value is not a number, a list or a record; aliases, anchors and explicit tags are refused (a
 * config never needs them, and an alias would otherwise read as its anchor's name); a document is
 * at most {@value #MAX_CHARS} characters, a scalar at most {@value #MAX_SCALAR_CHARS} and nesting
 * at most {@value #MAX_DEPTH} deep, so a hostile file is refused before it costs minutes of
 * parsing.
 */
public final class StrictYaml {
  /** Longest document, in characters (a config is a few kilobytes). */
  public static final int MAX_CHARS = 1 << 20;
  /** Longest scalar, in characters. */
  public static final int MAX_SCALAR_CHARS = 1 << 16;
  /** Deepest nesting of mappings and lists. */
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper YAML =
      new ObjectMapper(factory())
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

  private StrictYaml() {}

  /** The mapper every file is read with, for converting trees and writing resolved configs. */
  public static ObjectMapper mapper() {
    return YAML;
  }

  /** Something in a document that plain data does not use, and its line. */
  private record Refusal(int line, String reason) {}

  /** A new factory with the limits above and duplicate keys as errors. */
  private static YAMLFactory factory() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_CHARS);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(loader)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(MAX_SCALAR_CHARS)
            .maxNestingDepth(MAX_DEPTH)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // Native type ids would write a config kind as a YAML tag, which this reader refuses;
        // kinds are written as their plain 'kind' key (see KindRegistry).
        .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
        .build();
  }

  /**
   * Parses {@code file} as a {@code type}.
   *
   * @throws InputException naming the file, the line and the offending key or value
   */
  public static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such file");
    }
    String text;
    try {
      if (Files.size(file) > MAX_CHARS) {
        throw new InputException(file + ": larger than " + MAX_CHARS
            + " bytes; a config is a few kilobytes");
      }
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file", e);
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return parse(file.toString(), text, type);
  }

  /**
   * Parses {@code text}, given inline (on the command line, say) rather than in a file, as a
   * {@code type}, under the same rules as {@link #read}; messages start with {@code origin}.
   *
   * @throws InputException naming {@code origin}, the line and the offending key or value
   */
  public static <T> T parse(String origin, String text, Class<T> type) {
    if (text.length() > MAX_CHARS) {
      throw new InputException(origin + ": larger than " + MAX_CHARS
          + " characters; a config is a few kilobytes");
    }
    Optional<Refusal> refusal = firstNonPlain(text);
    if (refusal.isPresent()) {
      throw new InputException(origin + ":" + refusal.get().line() + ": " + refusal.get().reason());
    }
    try {
      T value = YAML.readValue(text, type);
      if (value == null) {
        throw new InputException(origin + ": the config is empty");
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
      throw new InputException(
          origin + ":" + keyLine(text, e.getPropertyName(), e.getLocation()) + ": " + problem
              + known,
          e);
    } catch (InvalidTypeIdException e) {
      if (e.getTypeId() == null) {
        String kinds = KindRegistry.of(e.getBaseType() == null ? null
                : e.getBaseType().getRawClass())
            .map(r -> ", one of " + r.getDescForKnownTypeIds()).orElse("");
        throw new InputException(origin + ":" + valueLine(text, e, "") + ": '" + path(e)
            + "' needs a 'kind'" + kinds, e);
      }
      throw new InputException(where(origin, e.getLocation()) + "'" + path(e) + "': "
          + oneLine(e.getOriginalMessage()), e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InputException(
          origin + ":" + valueLine(text, e, cause.getMessage()) + ": "
              + oneLine(cause.getMessage()),
          e);
    } catch (MismatchedInputException e) {
      if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("No content")) {
        throw new InputException(origin + ": the config is empty", e);
      }
      throw new InputException(
          where(origin, e.getLocation()) + "bad value at '" + path(e) + "': "
              + oneLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
          throw new InputException(origin + ":" + (marked.getProblemMark().getLine() + 1) + ": "
              + (marked.getContext() != null ? marked.getContext() + ": " : "")
              + oneLine(marked.getProblem()), e);
        }
      }
      throw new InputException(where(origin, e.getLocation()) + oneLine(e.getOriginalMessage()),
          e);
    }
  }

  /** {@code text} on one line: each line break and the indentation around it become a space. */
  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String where(String origin, JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? origin + ": "
        : origin + ":" + location.getLineNr() + ": ";
  }

  /**
   * The line that holds {@code key}: the last one at or before the parser's position. Jackson
   * reports an unknown key of a record where the enclosing mapping ends, which may be lines later.
   */
  private static int keyLine(String text, String key, JsonLocation location) {
    int reported = location == null ? Integer.MAX_VALUE : Math.max(1, location.getLineNr());
    Pattern keyPattern =
        Pattern.compile("^\\s*(-\\s+)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*");
    List<String> lines = text.lines().toList();
    for (int n = Math.min(reported, lines.size()); n >= 1; n--) {
      if (keyPattern.matcher(lines.get(n - 1)).matches()) {
        return n;
      }
    }
    return reported == Integer.MAX_VALUE ? 1 : reported;
  }

  /**
   * The line of the value a record's check refused. Jackson reports the position where the
   * record's mapping ends, which may be the end of the file; instead, this is the line of the key
   * under the record that {@code message} names first, or else of the record itself.
   */
  private static int valueLine(String text, JsonMappingException e, String message) {
    String record = e.getPath().stream()
        .map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : r.getIndex()))
        .collect(Collectors.joining());
    Map<String, Integer> lines = valueLines(text);
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

  /** The first line of each key and list item of {@code text}, by JSON pointer. */
  private static Map<String, Integer> valueLines(String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
            parser.currentTokenLocation().getLineNr());
      }
    } catch (IOException e) {
      // The text parsed a moment ago; without the map the parser's position is used.
    }
    return lines;
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /**
   * The first alias, anchor, explicit tag or over-long scalar in {@code text}, if any, read from
   * the parser's events. A syntax error ends the scan without a refusal: the reader that parses
   * the text next reports it.
   */
  private static Optional<Refusal> firstNonPlain(String text) {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_CHARS);
    loader.setNestingDepthLimit(MAX_DEPTH);
    try {
      for (Event event : new Yaml(loader).parse(new StringReader(text))) {
        int line = event.getStartMark() == null ? 1 : event.getStartMark().getLine() + 1;
        if (event instanceof AliasEvent alias) {
          return Optional.of(new Refusal(line,
              "YAML aliases are not accepted (*" + alias.getAnchor() + ")"));
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
          return Optional.of(new Refusal(line,
              "YAML anchors are not accepted (&" + node.getAnchor() + ")"));
        }
        String tag = explicitTag(event);
        if (tag != null) {
          return Optional.of(new Refusal(line, "YAML tags are not accepted (" + tag + ")"));
        }
        if (event instanceof ScalarEvent scalar && scalar.getValue().length() > MAX_SCALAR_CHARS) {
          return Optional.of(new Refusal(line, "a value of " + scalar.getValue().length()
              + " characters; at most " + MAX_SCALAR_CHARS + " are accepted"));
        }
      }
    } catch (YAMLException e) {
      // A syntax error or a limit: reported, with its line, by the reader that follows.
    }
    return Optional.empty();
  }

  /** The tag written on {@code event}'s node, or {@code null} when it has none. */
  private static String explicitTag(Event event) {
    if (event instanceof ScalarEvent scalar) {
      return scalar.getImplicit().bothFalse() ? scalar.getTag() : null;
    }
    if (event instanceof CollectionStartEvent collection) {
      return collection.getImplicit() ? null : collection.getTag();
    }
    return null;
  }
}
