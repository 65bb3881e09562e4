package echobench.reports.render;

import java.util.List;

/**
 * A table of already formatted cells, with a caption above and notes below.
 *
 * @param caption a short title; "" for none
 * @param header the column names
 * @param rows the rows, each as long as the header
 * @param notes footnotes shown under the table
 */
public record TextTable(String caption, List<String> header, List<List<String>> rows,
    List<String> notes) implements Block {

  /** @throws IllegalArgumentException for a row whose length is not the header's */
  public TextTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "row " + row + " has " + row.size() + " cells for " + header.size() + " columns");
      }
    }
  }
}
