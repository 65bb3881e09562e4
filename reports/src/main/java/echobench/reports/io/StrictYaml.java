package echobench.reports.io;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The one way the project reads YAML (study and pretraining configs, gate rules): plain data only.
 * Duplicate keys are errors; aliases, anchors and explicit tags are refused (a config never needs
 * them, and an alias would otherwise read as its anchor's name); a document is at most {@value
 * #MAX_CHARS} characters, a scalar at most {@value #MAX_SCALAR_CHARS} and nesting at most {@value
 * #MAX_DEPTH} deep, so a hostile file is refused before it costs minutes of parsing.
 */
public final class StrictYaml {
  /** Longest document, in characters (a config is a few kilobytes). */
  public static final int MAX_CHARS = 1 << 20;
  /** Longest scalar, in characters. */
  public static final int MAX_SCALAR_CHARS = 1 << 16;
  /** Deepest nesting of mappings and lists. */
  public static final int MAX_DEPTH = 64;

  private StrictYaml() {}

  /** Something in a document that plain data does not use, and its line. */
  public record Refusal(int line, String reason) {}

  /** A new factory with the limits above and duplicate keys as errors. */
  public static YAMLFactory factory() {
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
        .build();
  }

  /**
   * The first alias, anchor, explicit tag or over-long scalar in {@code text}, if any, read from
   * the parser's events. A syntax error ends the scan without a refusal: the reader that parses
   * the text next reports it.
   */
  public static Optional<Refusal> firstNonPlain(String text) {
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
