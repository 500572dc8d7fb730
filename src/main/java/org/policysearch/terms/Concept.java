package org.policysearch.terms;

import java.util.List;

/**
 * A glossary concept.
 *
 * @param id slug, unique
 * @param english English label (may be empty)
 * @param chinese Chinese label (may be empty)
 * @param variants every form that counts as a mention: labels, variants, expanded inflections
 * @param note free text, may be empty
 * @param generated true for concepts made from document titles (citations), not typed into the glossary
 * @param citedDoc for generated concepts, the document whose title this is
 */
public record Concept(String id, String english, String chinese, List<Variant> variants, String note,
    boolean generated, String citedDoc) {

  /** One form of a concept and its language ("en" or "zh"). */
  public record Variant(String text, String lang) {}

  /** The label to show: English if there is one, else Chinese. */
  public String label() {
    return english.isEmpty() ? chinese : english;
  }
}
