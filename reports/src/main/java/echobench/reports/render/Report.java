package echobench.reports.render;

import java.util.List;
import java.util.stream.Stream;

/** A report a person reads: a title and its sections, rendered to Markdown or HTML. */
public record Report(String title, List<Section> sections) {
  public Report {
    sections = List.copyOf(sections);
  }

  /** Every figure of the report, in reading order. */
  public List<Figure> figures() {
    return sections.stream()
        .flatMap(s -> s.blocks().stream())
        .flatMap(b -> b instanceof Figure f ? Stream.of(f) : Stream.empty())
        .toList();
  }
}
