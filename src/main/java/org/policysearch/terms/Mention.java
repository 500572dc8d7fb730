package org.policysearch.terms;

/** One occurrence of a concept in a passage: the variant that matched and its offsets (UTF-16) in the passage text. */
public record Mention(String concept, String variant, int start, int end) {}
