package echobench.reports.render;

import java.util.List;

/** A headed part of a report: its blocks in reading order. */
public record Section(String heading, List<Block> blocks) {
  public Section {
    blocks = List.copyOf(blocks);
  }
}
