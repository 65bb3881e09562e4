package echobench.reports.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Report} as GitHub-flavoured Markdown; figures are linked as
 * {@code figures/<name>.png}, next to the Markdown file.
 */
public final class MarkdownRenderer {
  /** The folder, relative to the report, that holds the figures. */
  public static final String FIGURE_DIR = "figures";

  private MarkdownRenderer() {}

  /** The Markdown text of {@code report}. */
  public static String render(Report report) {
    StringBuilder md = new StringBuilder("# ").append(report.title()).append("\n");
    for (Section section : report.sections()) {
      md.append("\n## ").append(section.heading()).append("\n");
      for (Block block : section.blocks()) {
        md.append('\n');
        if (block instanceof Paragraph p) {
          md.append(p.text()).append('\n');
        } else if (block instanceof TextTable t) {
          table(t, md);
        } else if (block instanceof Figure f) {
          String alt = f.caption().replace('[', '(').replace(']', ')');
          md.append("![").append(alt).append("](").append(FIGURE_DIR).append('/')
              .append(f.fileName()).append(")\n\n*").append(f.caption()).append("*\n");
        } else if (block instanceof Gallery g) {
          gallery(g, md);
        }
      }
    }
    return md.toString();
  }

  /** The gallery as a table: one row per perturbation, the clean frame then each severity. */
  private static void gallery(Gallery gallery, StringBuilder md) {
    int columns = gallery.columns();
    List<String> header = new ArrayList<>(List.of("condition"));
    for (int c = 1; c <= columns; c++) {
      header.add("");
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<Gallery.Tile> tiles : gallery.rows()) {
      List<String> row = new ArrayList<>(List.of(tiles.get(tiles.size() - 1).condition()
          .isClean() ? "clean" : tiles.get(tiles.size() - 1).condition().perturbation()));
      for (int c = 0; c < columns; c++) {
        Gallery.Tile t = c < tiles.size() ? tiles.get(c) : null;
        row.add(t == null ? "" : "![" + t.condition().label() + "](" + FIGURE_DIR + "/"
            + t.fileName() + ")<br>" + t.condition().label());
      }
      rows.add(row);
    }
    table(new TextTable("", header, rows, List.of()), md);
    md.append("\n*").append(gallery.caption()).append("*\n");
  }

  /** One table, its caption in bold above and its notes below. */
  public static void table(TextTable table, StringBuilder md) {
    if (!table.caption().isEmpty()) {
      md.append("**").append(table.caption()).append("**\n\n");
    }
    row(table.header(), md);
    md.append('|');
    for (int i = 0; i < table.header().size(); i++) {
      md.append(i == 0 ? " :--- |" : " ---: |");
    }
    md.append('\n');
    for (List<String> r : table.rows()) {
      row(r, md);
    }
    for (String note : table.notes()) {
      md.append('\n').append(note).append('\n');
    }
  }

  private static void row(List<String> cells, StringBuilder md) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    md.append('\n');
  }
}
