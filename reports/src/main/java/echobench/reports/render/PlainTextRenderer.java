package echobench.reports.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link TextTable} as aligned columns for a terminal: columns of numbers are
 * right-aligned, text columns left-aligned.
 */
public final class PlainTextRenderer {
  private PlainTextRenderer() {}

  /** The table as lines of space-padded columns: caption, header, rule, rows, notes. */
  public static String render(TextTable table) {
    int[] width = new int[table.header().size()];
    List<List<String>> all = new ArrayList<>();
    all.add(table.header());
    all.addAll(table.rows());
    for (List<String> row : all) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    boolean[] numeric = new boolean[width.length];
    for (int c = 0; c < width.length; c++) {
      final int column = c;
      numeric[c] = !table.rows().isEmpty()
          && table.rows().stream().allMatch(row -> isNumber(row.get(column)));
    }
    StringBuilder text = new StringBuilder();
    if (!table.caption().isEmpty()) {
      text.append(table.caption()).append('\n');
    }
    line(table.header(), width, numeric, text);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    line(rule, width, numeric, text);
    for (List<String> row : table.rows()) {
      line(row, width, numeric, text);
    }
    for (String note : table.notes()) {
      text.append(note).append('\n');
    }
    return text.toString();
  }

  private static boolean isNumber(String cell) {
    return cell.matches("[-+]?[0-9.].*|–|< .*");
  }

  private static void line(
      List<String> cells, int[] width, boolean[] numeric, StringBuilder text) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      line.append(numeric[c] ? pad + cell : cell + pad);
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }
}
