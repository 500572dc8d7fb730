package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.policysearch.index.Fields;

/**
 * The facet counts of a search, counted while it runs from the per-segment ordinals on the heap,
 * equal Lucene's own sorted-set facet counts over the same matches: several segments, deleted
 * documents, a multi-valued dimension, documents without facets, a segment with more than 65,536
 * values (ordinals stored as ints) beside small ones (stored as chars), and a second index
 * generation that reuses the unchanged segments.
 */
class FacetCountsTest {
  @Test
  void countsEqualLuceneFacetCounts() throws Exception {
    FacetsConfig config = Fields.facetsConfig();
    Random rnd = new Random(42);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(100_000).setRAMBufferSizeMB(256)
            .setMergePolicy(NoMergePolicy.INSTANCE))) {
      // one large segment: 70,000 distinct documents, more values than a char holds
      for (int i = 0; i < 70_000; i++) w.addDocument(config.build(doc(rnd, "big-" + i)));
      w.commit();
      // small segments: few documents, many passages each; some documents without facets
      for (int s = 0; s < 4; s++) {
        for (int i = 0; i < 3_000; i++) {
          Document d = i % 50 == 0 ? new Document() : doc(rnd, "small-" + rnd.nextInt(40));
          d.add(new StringField("id", s + "-" + i, Field.Store.NO));
          w.addDocument(i % 50 == 0 ? d : config.build(d));
        }
        w.commit();
      }
      w.deleteDocuments(new Term("id", "1-7"), new Term("id", "2-8"), new Term(Fields.LANG, "mixed"));
      w.commit();
      Map<Object, FacetCounts.SegmentOrds> segments = new HashMap<>();
      try (DirectoryReader r = DirectoryReader.open(w)) {
        assertTrue(r.leaves().size() >= 5, "several segments: " + r.leaves().size());
        assertNull(org.apache.lucene.index.MultiTerms.getTerms(r, FacetsConfig.DEFAULT_INDEX_FIELD_NAME),
            "no drill-down terms are indexed: nothing reads them");
        compare(r, FacetCounts.Ordinals.of(r, segments));
        int reused = segments.size();
        // a new generation: one more segment; the others' ordinals are reused
        for (int i = 0; i < 500; i++) w.addDocument(config.build(doc(rnd, "late-" + rnd.nextInt(5))));
        w.commit();
        try (DirectoryReader r2 = DirectoryReader.openIfChanged(r)) {
          Map<Object, FacetCounts.SegmentOrds> before = new HashMap<>(segments);
          compare(r2, FacetCounts.Ordinals.of(r2, segments));
          long same = segments.entrySet().stream().filter(e -> before.get(e.getKey()) == e.getValue()).count();
          assertEquals(reused, same, "unchanged segments keep their ordinals: " + before.keySet() + " then " + segments.keySet());
        }
      }
    }
  }

  private static Document doc(Random rnd, String docId) {
    Document d = new Document();
    String lang = List.of("en", "zh", "mixed").get(rnd.nextInt(3));
    d.add(new StringField(Fields.LANG, lang, Field.Store.NO));
    d.add(new SortedSetDocValuesFacetField(Fields.FACET_DOC, docId));
    d.add(new SortedSetDocValuesFacetField(Fields.FACET_LANG, lang));
    for (int t = 0, n = rnd.nextInt(4); t < n; t++) {
      String term = "term-" + rnd.nextInt(30);
      d.add(new StringField(Fields.TERM, term, Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(Fields.FACET_TERM, term));
    }
    return d;
  }

  private static void compare(DirectoryReader r, FacetCounts.Ordinals ordinals) throws Exception {
    IndexSearcher s = new IndexSearcher(r);
    var state = new DefaultSortedSetDocValuesReaderState(r, Fields.facetsConfig());
    for (Query q : List.of(new MatchAllDocsQuery(), new TermQuery(new Term(Fields.LANG, "zh")), new TermQuery(new Term(Fields.TERM, "term-3")))) {
      FacetCounts.Counts ours = s.search(q, FacetCounts.manager(ordinals));
      FacetsCollector fc = s.search(q, new FacetsCollectorManager());
      SortedSetDocValuesFacetCounts lucene = new SortedSetDocValuesFacetCounts(state, fc);
      assertEquals(s.count(q), ours.total(), q.toString());
      for (String dim : List.of(Fields.FACET_DOC, Fields.FACET_LANG, Fields.FACET_TERM)) {
        FacetResult all = lucene.getAllChildren(dim);
        Map<String, Long> expected = new HashMap<>();
        if (all != null) for (LabelAndValue lv : all.labelValues) expected.put(lv.label, lv.value.longValue());
        Map<String, Long> got = new HashMap<>();
        List<FacetCounts.Value> values = ours.top(dim, Integer.MAX_VALUE);
        for (FacetCounts.Value v : values) got.put(v.label(), v.count());
        assertEquals(expected, got, q + " " + dim);
        // ordered by count, then label
        for (int i = 1; i < values.size(); i++) {
          FacetCounts.Value a = values.get(i - 1), b = values.get(i);
          assertTrue(a.count() > b.count() || a.count() == b.count() && a.label().compareTo(b.label()) < 0, a + " before " + b);
        }
        // a cut keeps the top values by count (ties: index order of labels), in the same order
        List<FacetCounts.Value> top = ours.top(dim, 10);
        assertEquals(Math.min(10, values.size()), top.size());
        if (!top.isEmpty()) assertTrue(top.get(top.size() - 1).count() >= (values.size() > 10 ? values.get(10).count() : 0), dim);
        List<FacetCounts.Value> sortedTop = new ArrayList<>(top);
        sortedTop.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.label().compareTo(b.label()));
        assertEquals(sortedTop, top);
      }
    }
  }
}
