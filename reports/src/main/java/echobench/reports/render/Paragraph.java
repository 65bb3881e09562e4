package echobench.reports.render;

/** A paragraph of plain text (renderers escape it). */
public record Paragraph(String text) implements Block {}
