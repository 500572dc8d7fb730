package org.policysearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One query of the fixed set, in both engines' forms (JDK only: the orchestrator reads it).
 *
 * @param kind en_word, en_phrase, zh_word, zh_phrase, term_filter, cross_lang
 * @param ours q for /api/search (our syntax; the server adds highlighting and facets itself)
 * @param oursTerm term= filter for /api/search, or empty
 * @param solr q for Solr's /select, the same matching: our parse rules and our glossary expansion written out
 * @param solrFq fq for Solr, or empty
 * @param phrase the literal phrase for ripgrep (quoted-phrase kinds), or empty
 */
public record BenchQuery(String kind, String ours, String oursTerm, String solr, String solrFq, String phrase) {
  static final String HEADER = "kind\tours_q\tours_term\tsolr_q\tsolr_fq\trg_phrase";

  public static List<BenchQuery> read(Path file) throws IOException {
    List<BenchQuery> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("kind\t")) continue;
      String[] f = line.split("\t", -1);
      out.add(new BenchQuery(f[0], f[1], f[2], f[3], f[4], f[5]));
    }
    return out;
  }

  public static void write(Path file, List<BenchQuery> qs, String comment) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(comment).append('\n').append(HEADER).append('\n');
    for (BenchQuery q : qs) {
      b.append(String.join("\t", q.kind(), q.ours(), q.oursTerm(), q.solr(), q.solrFq(), q.phrase())).append('\n');
    }
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }
}
