package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;
import org.policysearch.terms.Glossary;

/**
 * The query side both backends share, for one glossary: a request's text parsed by
 * {@link PolicyQueryParser} (with the glossary {@link Expansion} when asked), restricted to passages,
 * to the request's filters and to the leading copies ({@link CopyLinks}); the "did you mean"
 * corrections; the embedded engine's sort. The Solr backend translates the very Lucene queries
 * built here, so both backends run the same query (SolrCloudParityTest compares them).
 */
public final class QueryAssembly {
  /** Corrected queries offered at most ("did you mean"). */
  static final int MAX_SUGGESTIONS = 3;
  /** Relevance, then document and passage order. */
  static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(Fields.DOC_SORT, SortField.Type.STRING),
      new SortField(Fields.ORDINAL, SortField.Type.INT));

  private final Glossary glossary;
  private final Expansion expansion;
  private final DidYouMean didYouMean;

  public QueryAssembly(Glossary glossary) {
    this.glossary = glossary;
    this.expansion = new Expansion(glossary);
    this.didYouMean = new DidYouMean(glossary);
  }

  /** The glossary this assembly expands with. */
  public Glossary glossary() {
    return glossary;
  }

  /** A request's query, parsed and restricted, with its unexpanded form (what a passage matches directly). */
  public static final class Assembled {
    private final SearchRequest request;
    private final String q;
    private final Query query;
    private final Query direct;
    private final List<Expansion.Found> found;

    Assembled(SearchRequest request, String q, Query query, Query direct, List<Expansion.Found> found) {
      this.request = request;
      this.q = q;
      this.query = query;
      this.direct = direct;
      this.found = found;
    }

    /** The query text, stripped ("" for none). */
    public String q() {
      return q;
    }

    /** What runs: the (expanded) query restricted to the request's passages. */
    public Query query() {
      return query;
    }

    /** The parsed query without glossary expansion and without any restriction. */
    public Query direct() {
      return direct;
    }

    /** The direct query restricted to passages and the request's filters. */
    public Query directPassages() {
      return passageQuery(request, direct);
    }

    /** Whether the query named a glossary concept (and so matches passages through other variants). */
    public boolean expanded() {
      return !found.isEmpty();
    }

    List<Expansion.Found> found() {
      return found;
    }
  }

  /** The query text of a request (stripped); a bad query fails here, before any index work. */
  public static String text(SearchRequest r) {
    String q = r.q() == null ? "" : r.q().strip();
    if (!q.isEmpty()) PolicyQueryParser.parse(q, null);
    return q;
  }

  /** The query both backends run for a request (q from {@link #text}), given the documents of the index and their copies. */
  public Assembled assemble(SearchRequest r, String q, Copies copies, Map<String, DocumentInfo> docs) {
    return assemble(r, q, copies, docs, null);
  }

  /**
   * As above; copyPassages, when not null, is the embedded backend's filter of every copy's
   * passages for the searcher's generation ({@link DocSetFilter}), which excludes the copies without
   * a term lookup per copy. It matches what {@link CopyLinks#leadersOnly} would exclude, except for a
   * request scoped to a copy ({@code doc=} a copy), which takes the general way.
   */
  Assembled assemble(SearchRequest r, String q, Copies copies, Map<String, DocumentInfo> docs, Query copyPassages) {
    PolicyQueryParser.Parsed parsed = parse(q, r.expand() ? expansion : null);
    Query passages = passageQuery(r, parsed.query());
    Query leaders = copyPassages != null && (r.doc() == null || !copies.isCopy(r.doc()))
        ? new BooleanQuery.Builder().add(passages, BooleanClause.Occur.MUST).add(copyPassages, BooleanClause.Occur.MUST_NOT).build()
        : CopyLinks.leadersOnly(passages, copies, r);
    Query query = CopyLinks.formatOnly(leaders, docs, r);
    return new Assembled(r, q, query, parsed.direct(), parsed.found());
  }

  /** Parses a query for highlighting inside one document (the reader's q=); null for none. */
  public Query readerQuery(String q, boolean expand) {
    if (q == null || q.isBlank()) return null;
    return PolicyQueryParser.parse(q.strip(), expand ? expansion : null).query();
  }

  /** Counts the passages a query matches (each backend its own way). */
  @FunctionalInterface
  public interface Counter {
    long count(Query q) throws IOException;
  }

  /**
   * "Did you mean": for a query finding few passages, the corrected queries (glossary terms, then with
   * a reader, indexed words) that find more, at most {@link #MAX_SUGGESTIONS}.
   *
   * @param reader the index for word corrections, null for glossary terms only
   */
  public List<Api.Correction> corrections(SearchRequest r, String q, long total, IndexReader reader, Counter counter) throws IOException {
    List<Api.Correction> out = new ArrayList<>();
    if (q.isEmpty() || total >= DidYouMean.FEW) return out;
    for (String c : didYouMean.candidates(q, reader)) {
      if (out.size() >= MAX_SUGGESTIONS) break;
      Query cq;
      try {
        cq = passageQuery(r, parse(c, r.expand() ? expansion : null).query());
      } catch (BadQueryException e) {
        continue; // a correction that is not a valid query is no suggestion
      }
      long n = counter.count(cq);
      if (n > total) out.add(new Api.Correction(c, n));
    }
    return out;
  }

  /** The order of a request's hits in the embedded index: relevance (then document and passage), document date either way, or document. */
  static Sort order(SearchRequest r, Map<String, DocumentInfo> infos) {
    SortField doc = new SortField(Fields.DOC_SORT, SortField.Type.STRING), ordinal = new SortField(Fields.ORDINAL, SortField.Type.INT);
    return switch (r.order()) {
      case "date_desc" -> new Sort(DateOrder.sortField(infos, true), doc, ordinal);
      case "date_asc" -> new Sort(DateOrder.sortField(infos, false), doc, ordinal);
      case "doc" -> new Sort(doc, ordinal);
      default -> ORDER;
    };
  }

  /** The parsed query, with the glossary expansion when one is given; the empty query matches every passage. */
  static PolicyQueryParser.Parsed parse(String q, Expansion expansion) {
    if (q.isEmpty()) return new PolicyQueryParser.Parsed(new MatchAllDocsQuery(), new MatchAllDocsQuery(), List.of());
    return PolicyQueryParser.parse(q, expansion);
  }

  /**
   * A parsed query (with its glossary expansion, see {@link PolicyQueryParser}) restricted to passages
   * and to the request's filters (language, document, term).
   */
  static Query passageQuery(SearchRequest r, Query parsed) {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(parsed, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER);
    if (!SearchRequest.blank(r.lang())) b.add(new TermQuery(new Term(Fields.LANG, r.lang())), BooleanClause.Occur.FILTER);
    if (!SearchRequest.blank(r.doc())) b.add(new TermQuery(new Term(Fields.DOC, r.doc())), BooleanClause.Occur.FILTER);
    if (!SearchRequest.blank(r.term())) b.add(new TermQuery(new Term(Fields.TERM, r.term())), BooleanClause.Occur.FILTER);
    return b.build();
  }
}
