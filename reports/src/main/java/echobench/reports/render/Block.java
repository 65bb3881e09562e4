package echobench.reports.render;

/** One piece of a report section: a paragraph, a table, a figure or the perturbation gallery. */
public sealed interface Block permits Paragraph, TextTable, Figure, Gallery {}
