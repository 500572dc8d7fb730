package org.policysearch.terms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loaded concepts, in file order, plus the problems found while loading. */
public final class Glossary {
  private final Map<String, Concept> concepts = new LinkedHashMap<>();
  private final List<String> problems;

  public Glossary(List<Concept> concepts, List<String> problems) {
    for (Concept c : concepts) this.concepts.put(c.id(), c);
    this.problems = List.copyOf(problems);
  }

  public static Glossary empty() {
    return new Glossary(List.of(), List.of());
  }

  public List<Concept> concepts() {
    return List.copyOf(concepts.values());
  }

  public Concept get(String id) {
    return concepts.get(id);
  }

  /** Errors naming the line and the problem; the rows without problems loaded. */
  public List<String> problems() {
    return problems;
  }

  /** A new glossary with more concepts (generated citation concepts) appended. */
  public Glossary with(List<Concept> more) {
    List<Concept> all = new ArrayList<>(concepts.values());
    for (Concept c : more) if (!concepts.containsKey(c.id())) all.add(c);
    return new Glossary(all, problems);
  }

  /** A fingerprint of everything tagging depends on: a changed glossary re-tags every passage. */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Concept c : concepts.values()) {
        md.update((c.id() + "\t" + c.english() + "\t" + c.chinese() + "\t").getBytes(StandardCharsets.UTF_8));
        for (Concept.Variant v : c.variants()) md.update((v.text() + "|").getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      StringBuilder b = new StringBuilder();
      for (byte x : md.digest()) b.append(String.format("%02x", x));
      return b.substring(0, 16);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public List<String> ids() {
    return Collections.unmodifiableList(new ArrayList<>(concepts.keySet()));
  }
}
