package org.policysearch.terms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The effective glossary (typed concepts plus generated title concepts) as JSON, stored in the index so search and tagging always use the same concepts. */
public final class GlossaryJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GlossaryJson() {}

  public static String write(Glossary g) {
    try {
      return JSON.writeValueAsString(g.concepts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Glossary read(String json) {
    try {
      return new Glossary(JSON.readValue(json, new TypeReference<List<Concept>>() {}), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
