package echobench.reports.render;

import java.util.Base64;
import java.util.List;

/**
 * Renders a {@link Report} as one self-contained HTML page: the style sheet is inline and every
 * figure is embedded as a base64 {@code data:image/png} URI, so the page needs no network, no
 * script and no files beside it. Tables are collapsed ({@code <details>}, the caption as the
 * summary); the page adapts to narrow screens (images shrink, wide tables scroll) and prints
 * with every table open and no backgrounds.
 */
public final class HtmlRenderer {
  private static final String STYLE = """
      body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2em auto;
             max-width: 72em; color: #222; line-height: 1.4; }
      h1 { border-bottom: 2px solid #444; padding-bottom: .2em; }
      h2 { margin-top: 2em; border-bottom: 1px solid #bbb; }
      table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: .9em; }
      caption { text-align: left; font-weight: bold; padding: .3em 0; }
      th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      th { background: #f0f0f0; white-space: nowrap; }
      td:first-child { white-space: nowrap; }
      tr:nth-child(even) td { background: #fafafa; }
      p.note { font-size: .85em; color: #555; margin: -1em 0 1.5em; }
      figure { margin: 1em 0 2em; }
      figure img { max-width: 100%; border: 1px solid #ddd; }
      figcaption { font-size: .9em; color: #444; }
      details { margin: .3em 0 1em; }
      summary { cursor: pointer; font-weight: bold; padding: .2em 0; }
      .scroll { overflow-x: auto; max-width: 100%; }
      .gallery-row { display: flex; flex-wrap: wrap; gap: .5em; margin-bottom: .5em; }
      .gallery-row figure { margin: 0; text-align: center; width: 9em; }
      .gallery-row img { width: 100%; image-rendering: pixelated; border: 0; }
      .gallery-row figcaption { font-size: .8em; overflow-wrap: anywhere; }
      img { max-width: 100%; height: auto; }
      @media (max-width: 40em) {
        body { margin: .5em; font-size: .95em; }
        .gallery-row { gap: .3em; }
        .gallery-row figure { width: 5.2em; }
      }
      @media print {
        body { max-width: none; margin: 0; color: #000; }
        th, tr:nth-child(even) td { background: none; }
        details > summary { list-style: none; }
        details::details-content { content-visibility: visible; display: contents; }
        details:not([open]) > *:not(summary) { display: block; }
        .scroll { overflow: visible; }
        figure, table, .gallery-row { break-inside: avoid; }
      }
      """;

  private HtmlRenderer() {}

  /** The HTML page of {@code report}. */
  public static String render(Report report) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(escape(report.title()))
        .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(escape(report.title())).append("</h1>\n");
    for (Section section : report.sections()) {
      html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
      for (Block block : section.blocks()) {
        if (block instanceof Paragraph p) {
          html.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (block instanceof TextTable t) {
          table(t, html);
        } else if (block instanceof Figure f) {
          html.append("<figure>");
          image(f.caption(), f.png(), html);
          html.append("<figcaption>").append(escape(f.caption()))
              .append("</figcaption></figure>\n");
        } else if (block instanceof Gallery g) {
          gallery(g, html);
        }
      }
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void image(String alt, byte[] png, StringBuilder html) {
    html.append("<img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\">");
  }

  private static void gallery(Gallery gallery, StringBuilder html) {
    html.append("<figure class=\"gallery\">\n");
    for (List<Gallery.Tile> row : gallery.rows()) {
      html.append("<div class=\"gallery-row\">");
      for (Gallery.Tile tile : row) {
        String label = tile.condition().label();
        html.append("<figure>");
        image(label, tile.png(), html);
        html.append("<figcaption>").append(escape(label)).append("</figcaption></figure>");
      }
      html.append("</div>\n");
    }
    html.append("<figcaption>").append(escape(gallery.caption()))
        .append("</figcaption></figure>\n");
  }

  private static void table(TextTable table, StringBuilder html) {
    html.append("<details><summary>")
        .append(escape(table.caption().isEmpty() ? "table" : table.caption()))
        .append("</summary>\n<div class=\"scroll\"><table>\n");
    row("th", table.header(), html);
    for (List<String> r : table.rows()) {
      row("td", r, html);
    }
    html.append("</table></div>\n");
    for (String note : table.notes()) {
      html.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
    }
    html.append("</details>\n");
  }

  private static void row(String tag, List<String> cells, StringBuilder html) {
    html.append("<tr>");
    for (String cell : cells) {
      html.append('<').append(tag).append('>').append(escape(cell)).append("</").append(tag)
          .append('>');
    }
    html.append("</tr>\n");
  }

  /** Text with the HTML special characters escaped. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
