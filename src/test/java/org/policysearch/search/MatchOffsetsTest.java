package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;
import org.policysearch.index.Fields;
import org.policysearch.terms.Glossary;
import org.policysearch.testing.DemoCorpus;

/**
 * The search page's match spans come from the Matches API with one weight per page (issue 7);
 * the reader's come from Lucene's UnifiedHighlighter with weight matches. Over the demo corpus,
 * for phrases, words, both languages, wildcards, fuzzy terms, Boolean logic and glossary
 * expansion, both give the same spans for every matching passage.
 */
class MatchOffsetsTest {
  @Test
  void matchesApiAndHighlighterGiveTheSameSpans() throws Exception {
    try (SearchService search = new SearchService(DemoCorpus.index(), Glossary.empty())) {
      compare(search);
    }
  }

  private static void compare(SearchService search) throws Exception {
    List<String> queries = List.of("\"secure and controllable\"", "secure and controllable", "\"安全可控\"", "安全可控", "网络安全 法",
        "\"中国制造2025\"", "\"互联网+\"", "\"第一章总则\"", "national security OR 国家安全", "semiconductor*", "contr*", "sem?conductor",
        "semiconductr~", "indigenous innovation", "trade AND NOT china", "\"made in china 2025\"", "\"the\" \"of\"", "关键信息基础设施",
        "overcapacity tariffs", "(steel OR aluminum) tariffs", "lang:zh 国务院", "year:[2015 TO 2017] security", "个人信息");
    int passages = 0, withSpans = 0;
    List<String> failures = new ArrayList<>();
    for (String q : queries) {
      for (boolean expand : new boolean[] {false, true}) {
        Query query = new BooleanQuery.Builder().add(search.readerQuery(q, expand), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER).build();
        int[] ids = search.withSearcher(s -> {
          ScoreDoc[] sd = s.search(query, 200).scoreDocs;
          int[] out = new int[sd.length];
          for (int i = 0; i < sd.length; i++) out[i] = sd[i].doc;
          return out;
        });
        Map<Integer, String> texts = new HashMap<>();
        search.withSearcher(s -> {
          for (int id : ids) texts.put(id, s.storedFields().document(id).get(Fields.TEXT));
          return null;
        });
        Map<Integer, List<Api.Span>> highlighter = search.withSearcher(s -> MatchOffsets.of(s, query, ids));
        Map<Integer, List<Api.Span>> matches = search.withSearcher(s -> MatchOffsets.fromMatches(s, query, ids, texts));
        for (int id : ids) {
          passages++;
          if (!highlighter.get(id).isEmpty()) withSpans++;
          if (!highlighter.get(id).equals(matches.get(id))) {
            failures.add(q + " (expand " + expand + ") passage " + id + ": highlighter " + highlighter.get(id) + ", matches " + matches.get(id));
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " passages differ:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    assertTrue(passages > 500 && withSpans > 500, passages + " passages, " + withSpans + " with spans");
  }
}
