package echobench.reports.render;

/** One piece of a report section: a paragraph, a table or a figure. */
public sealed interface Block permits Paragraph, TextTable, Figure {}
