package org.policysearch.solr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.solr.client.solrj.SolrQuery;
import org.policysearch.index.Fields;
import org.policysearch.search.BadQueryException;
import org.policysearch.search.PolicyQueryParser;
import org.policysearch.search.SearchRequest;

/**
 * Writes a query of {@link PolicyQueryParser} (already analysed: terms, phrases with positions)
 * in Solr's standard query syntax, so the Solr backend runs the very query the embedded engine
 * runs. The configset's text fields analyse queries with a whitespace tokenizer, so each term
 * arrives as it is; a position gap in a phrase is written as {@link SolrConfigset#GAP}. A
 * dismax needs a sub-parser; its text goes in a request parameter that the query references
 * ({@link #params()}). The request's sort is written here too ({@link #sort}).
 */
final class SolrQueries {
  private final Map<String, String> params = new LinkedHashMap<>();
  private final String prefix;

  /** @param prefix names the extra parameters (several translations can share one request) */
  SolrQueries(String prefix) {
    this.prefix = prefix;
  }

  /** Parameters the translated queries reference ({@code $name}). */
  Map<String, String> params() {
    return params;
  }

  private static final String SORT = "score desc," + Fields.DOC + " asc," + Fields.ORDINAL + " asc";

  /**
   * The Solr sort of a request. Passages in the collection carry their document's year, not its date:
   * the date orders sort by year, then document and passage order (the embedded index orders by the full
   * date within a year; README, "sort").
   */
  static String sort(SearchRequest r) {
    String then = Fields.DOC + " asc," + Fields.ORDINAL + " asc";
    return switch (r.order()) {
      case "date_desc" -> "if(exists(" + Fields.YEAR + ")," + Fields.YEAR + ",0) desc," + then;
      case "date_asc" -> "if(exists(" + Fields.YEAR + ")," + Fields.YEAR + ",99999) asc," + then;
      case "doc" -> then;
      default -> SORT;
    };
  }

  /** A query in Solr syntax with its parameters, run as the standard parser with OR (the Lucene query says what is required). */
  static SolrQuery request(Query q, String prefix) {
    SolrQueries tr = new SolrQueries(prefix);
    SolrQuery sq = new SolrQuery(tr.translate(q));
    tr.params().forEach(sq::set);
    sq.set("q.op", "OR").set("defType", "lucene");
    return sq;
  }

  String translate(Query q) {
    if (q instanceof BooleanQuery bq) return bool(bq);
    if (q instanceof TermQuery tq) return term(tq.getTerm());
    if (q instanceof PhraseQuery pq) return phrase(pq);
    if (q instanceof BoostQuery b) {
      if (b.getQuery() instanceof ConstantScoreQuery cs) return "(" + translate(cs.getQuery()) + ")^=" + number(b.getBoost());
      return "(" + translate(b.getQuery()) + ")^" + number(b.getBoost());
    }
    if (q instanceof ConstantScoreQuery cs) return "(" + translate(cs.getQuery()) + ")^=1";
    if (q instanceof DisjunctionMaxQuery dm) {
      List<String> parts = new ArrayList<>();
      for (Query d : dm.getDisjuncts()) parts.add("(" + translate(d) + ")");
      String name = prefix + params.size();
      params.put(name, String.join(" ", parts));
      return "_query_:\"{!maxscore q.op=OR tie=" + number(dm.getTieBreakerMultiplier()) + " v=$" + name + "}\"";
    }
    if (q instanceof PointRangeQuery pr && pr.getField().equals(Fields.YEAR) && pr.getNumDims() == 1) {
      int lo = IntPoint.decodeDimension(pr.getLowerPoint(), 0), hi = IntPoint.decodeDimension(pr.getUpperPoint(), 0);
      return pr.getField() + ":[" + (lo == Integer.MIN_VALUE ? "*" : lo) + " TO " + (hi == Integer.MAX_VALUE ? "*" : hi) + "]";
    }
    if (q instanceof PrefixQuery p) return p.getField() + ":" + escape(p.getPrefix().text()) + "*";
    if (q instanceof WildcardQuery w) return w.getField() + ":" + escapeWildcard(w.getTerm().text());
    if (q instanceof FuzzyQuery f) return f.getField() + ":" + escape(f.getTerm().text()) + "~" + f.getMaxEdits();
    if (q instanceof MatchAllDocsQuery) return "*:*";
    if (q instanceof MatchNoDocsQuery) return "(+*:* -*:*)";
    throw new BadQueryException("bad_query", "This query cannot run on the Solr backend (" + q.getClass().getSimpleName() + ").");
  }

  private String bool(BooleanQuery bq) {
    if (bq.getMinimumNumberShouldMatch() > 0) {
      throw new BadQueryException("bad_query", "This query cannot run on the Solr backend (minimum should match).");
    }
    boolean positive = false;
    StringBuilder b = new StringBuilder("(");
    for (BooleanClause c : bq.clauses()) {
      String inner = translate(c.getQuery());
      if (b.length() > 1) b.append(' ');
      switch (c.getOccur()) {
        case MUST -> b.append("+(").append(inner).append(')');
        case FILTER -> b.append("+filter(").append(inner).append(')');
        case MUST_NOT -> b.append("-(").append(inner).append(')');
        case SHOULD -> b.append('(').append(inner).append(')');
      }
      positive |= c.getOccur() != BooleanClause.Occur.MUST_NOT;
    }
    // Lucene: a query of only negative clauses matches nothing; say so explicitly (Solr would add *:*)
    if (!positive) return "(+*:* -*:*)";
    return b.append(')').toString();
  }

  private static String term(Term t) {
    return t.field() + ":\"" + quoted(t.text()) + "\"";
  }

  private static String phrase(PhraseQuery pq) {
    Term[] terms = pq.getTerms();
    int[] pos = pq.getPositions();
    StringBuilder b = new StringBuilder();
    int expected = pos.length == 0 ? 0 : pos[0];
    for (int i = 0; i < terms.length; i++) {
      if (pos[i] < expected) {
        throw new BadQueryException("bad_query", "This phrase cannot run on the Solr backend (stacked terms).");
      }
      for (; expected < pos[i]; expected++) b.append(b.length() == 0 ? "" : " ").append(SolrConfigset.GAP);
      b.append(b.length() == 0 ? "" : " ").append(quoted(terms[i].text()));
      expected = pos[i] + 1;
    }
    String field = terms.length == 0 ? Fields.EXACT : terms[0].field();
    return field + ":\"" + b + "\"" + (pq.getSlop() > 0 ? "~" + pq.getSlop() : "");
  }

  private static String quoted(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static String escape(String s) {
    return org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(s);
  }

  private static String escapeWildcard(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?') b.append(c);
      else b.append(escape(String.valueOf(c)));
    }
    return b.toString();
  }

  private static String number(float f) {
    return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
  }
}
