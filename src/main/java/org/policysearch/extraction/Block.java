package org.policysearch.extraction;

/**
 * A run of extracted text with the page it starts on (1-based for paged formats, 0 otherwise).
 * {@link Kind#LINES} is text whose paragraphs are not marked up (plain text, Markdown, PDF) and
 * must be found from its line layout; the other kinds are paragraphs the format declared.
 */
public record Block(String text, int page, Kind kind) {
  public enum Kind { HEADING, PARAGRAPH, LIST_ITEM, LINES }
}
