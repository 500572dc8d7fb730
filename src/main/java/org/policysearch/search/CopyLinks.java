package org.policysearch.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.policysearch.index.Copies;
import org.policysearch.index.DocumentInfo;
import org.policysearch.index.Fields;

/**
 * Copies ({@link Copies}) as both backends show them: a copy's passages are left out of results,
 * facets, the concordance and the heatmap (each passage counts once, under the leading copy); the
 * leader names its copies ("also as TXT"), a copy names its leader; a copy's reader page and deep
 * links keep working, and a search kept to the copy ({@code doc=}) still searches it. Each backend
 * finds the copies once per document list ({@link Copies#of}).
 */
final class CopyLinks {
  private CopyLinks() {}

  /** q restricted to passages of documents that are not copies (the copy a request keeps with doc= excepted). */
  /**
   * q kept to the documents of the request's format (media types compared without parameters, ignoring
   * case): the smaller side of the documents is listed, as required or as excluded ids.
   */
  static Query formatOnly(Query q, java.util.Map<String, org.policysearch.index.DocumentInfo> infos, SearchRequest r) {
    if (SearchRequest.blank(r.format())) return q;
    String want = mediaType(r.format());
    List<Query> in = new ArrayList<>(), out = new ArrayList<>();
    for (var i : infos.values()) (want.equals(mediaType(i.format())) ? in : out).add(new TermQuery(new Term(Fields.DOC, i.id())));
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    if (in.isEmpty()) return b.add(new TermQuery(new Term(Fields.DOC, "")), BooleanClause.Occur.FILTER).build();
    boolean listIn = in.size() <= out.size();
    List<Query> listed = listIn ? in : out;
    listed.sort(java.util.Comparator.comparing(Query::toString));
    if (listed.isEmpty()) return q;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (int k = 0; k < listed.size(); k += 500) {
      BooleanQuery.Builder chunk = new BooleanQuery.Builder();
      for (Query t : listed.subList(k, Math.min(listed.size(), k + 500))) chunk.add(t, BooleanClause.Occur.SHOULD);
      if (listIn) any.add(chunk.build(), BooleanClause.Occur.SHOULD);
      else b.add(chunk.build(), BooleanClause.Occur.MUST_NOT);
    }
    if (listIn) b.add(any.build(), BooleanClause.Occur.FILTER);
    return b.build();
  }

  static String mediaType(String format) {
    return format == null ? "" : format.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
  }

  static Query leadersOnly(Query q, Copies copies, SearchRequest r) {
    List<Query> excluded = new ArrayList<>();
    for (String id : copies.leaderOf().keySet()) {
      if (!id.equals(r.doc())) excluded.add(new TermQuery(new Term(Fields.DOC, id)));
    }
    if (excluded.isEmpty()) return q;
    excluded.sort(java.util.Comparator.comparing(Query::toString)); // one query text for both backends, whatever the map order
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    // clauses of at most 500 (Lucene's limit is 1024 per boolean query)
    for (int i = 0; i < excluded.size(); i += 500) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Query t : excluded.subList(i, Math.min(excluded.size(), i + 500))) any.add(t, BooleanClause.Occur.SHOULD);
      b.add(any.build(), BooleanClause.Occur.MUST_NOT);
    }
    return b.build();
  }

  /** The concordance's view: the leaders and their tagged passages only. */
  static Concordance.Snapshot leadersOnly(Concordance.Snapshot s) {
    Copies c = s.copies() != null ? s.copies() : Copies.of(s.documents().values());
    if (c.leaderOf().isEmpty()) return s;
    Map<String, DocumentInfo> docs = new LinkedHashMap<>();
    for (var e : s.documents().entrySet()) if (!c.isCopy(e.getKey())) docs.put(e.getKey(), e.getValue());
    List<Concordance.TaggedPassage> passages = s.passages().stream().filter(p -> !c.isCopy(p.doc())).toList();
    return new Concordance.Snapshot(s.glossary(), docs, passages);
  }

  /** The other copies of a document: a leader's copies, or a copy's leader and fellow copies. */
  static List<Api.CopyRef> others(String docId, Map<String, DocumentInfo> docs, Copies c) {
    String leader = c.leaderOf().getOrDefault(docId, docId);
    List<String> group = new ArrayList<>();
    if (!leader.equals(docId)) group.add(leader);
    for (String id : c.copiesOf().getOrDefault(leader, List.of())) if (!id.equals(docId)) group.add(id);
    List<Api.CopyRef> out = new ArrayList<>();
    for (String id : group) {
      DocumentInfo i = docs.get(id);
      if (i != null) out.add(new Api.CopyRef(id, formatName(i.source()), Links.reader(id, null, null), Links.file(i.source(), i.format(), 0)));
    }
    return out;
  }

  /** "TXT", "PDF": the file's extension, as people name formats. */
  static String formatName(String source) {
    int dot = source.lastIndexOf('.');
    return dot < 0 || dot == source.length() - 1 ? "file" : source.substring(dot + 1).toUpperCase(Locale.ROOT);
  }
}
