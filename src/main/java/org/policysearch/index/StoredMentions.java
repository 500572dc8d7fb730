package org.policysearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.policysearch.terms.Mention;

/** A passage's mentions as stored in the index: a compact JSON array of [concept, start, end, variant]. */
public final class StoredMentions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredMentions() {}

  public static String toJson(List<Mention> mentions) {
    List<Object[]> rows = new ArrayList<>();
    for (Mention m : mentions) rows.add(new Object[] {m.concept(), m.start(), m.end(), m.variant()});
    try {
      return JSON.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Mention> parse(String json) {
    List<Mention> out = new ArrayList<>();
    if (json == null || json.isEmpty()) return out;
    try {
      for (var row : JSON.readTree(json)) {
        out.add(new Mention(row.get(0).asText(), row.size() > 3 ? row.get(3).asText() : "", row.get(1).asInt(), row.get(2).asInt()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
