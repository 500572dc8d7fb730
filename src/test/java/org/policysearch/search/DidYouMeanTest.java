package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.policysearch.analysis.Scripts;
import org.policysearch.terms.Concept;

/**
 * "Did you mean" (issue 16) over the demo corpus: every glossary term of the corpus, misspelt
 * (English: one letter dropped; Chinese: one character replaced by another), is offered the
 * term back when the misspelling finds little; a correct query is offered nothing.
 */
class DidYouMeanTest extends DemoSearchTestBase {
  @Test
  void misspeltGlossaryTermsAreOfferedTheTermInBothLanguages() throws Exception {
    Random rnd = new Random(16);
    int english = 0, chinese = 0;
    List<String> failures = new ArrayList<>();
    for (Concept c : search.glossary().concepts()) {
      if (c.generated() || search.search(new SearchRequest("", 0, 0, null, null, c.id(), false)).total() == 0) continue;
      for (Concept.Variant v : c.variants()) {
        String t = v.text();
        boolean han = t.codePoints().allMatch(Scripts::isHan);
        if (han ? t.length() < 3 : t.length() < 6 || !t.chars().allMatch(ch -> ch == ' ' || Character.isLetter(ch))) continue;
        String typo;
        if (han) {
          int at = 1 + rnd.nextInt(t.length() - 1);
          char wrong = t.charAt(at) == '空' ? '工' : '空'; // a homophone-style wrong character
          typo = t.substring(0, at) + wrong + t.substring(at + 1);
        } else {
          int at = 2 + rnd.nextInt(t.length() - 3);
          if (t.charAt(at) == ' ' || t.charAt(at - 1) == ' ') at = t.indexOf(' ') > 2 ? 1 : at;
          typo = t.substring(0, at) + t.substring(at + 1);
        }
        Api.SearchResponse r = search.search(SearchRequest.of(typo));
        if (r.total() >= DidYouMean.FEW) continue; // finds enough as typed (stemming may absorb the slip)
        if (han) chinese++;
        else english++;
        // the term back, or another form of the same concept (biopharmaceutical for biopharmaceuticas)
        boolean offered = r.suggestions().stream().anyMatch(s -> c.variants().stream().anyMatch(x -> x.text().equalsIgnoreCase(s.query())));
        if (!offered) failures.add(typo + " -> " + r.suggestions() + " (wanted " + t + ")");
        for (Api.Correction s : r.suggestions()) assertTrue(s.total() > r.total(), s.toString());
      }
    }
    System.out.printf(Locale.ROOT, "DidYouMeanTest: %d English and %d Chinese misspellings, %d without the term offered%n", english, chinese, failures.size());
    assertTrue(english >= 20 && chinese >= 20, english + " English, " + chinese + " Chinese");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void examplesOfTheIssueAndWordsOfTheIndex() throws Exception {
    assertEquals("semiconductor", search.search(SearchRequest.of("semiconducter")).suggestions().get(0).query());
    assertEquals("安全可控", search.search(SearchRequest.of("安全可空")).suggestions().get(0).query());
    assertEquals("网络安全法", search.search(SearchRequest.of("网络安会法")).suggestions().get(0).query());
    // words that are no glossary term come from the index; quotes and the other words stay
    assertEquals("overcapacity tariffs", search.search(SearchRequest.of("overcapacity tarifs")).suggestions().get(0).query());
    assertEquals("\"tariffs\" lang:en", search.search(SearchRequest.of("\"tarifs\" lang:en")).suggestions().get(0).query());
    assertTrue(search.search(SearchRequest.of("semiconductor")).suggestions().isEmpty(), "a query that finds enough gets none");
    assertTrue(search.search(SearchRequest.of("xyzzyq")).suggestions().isEmpty(), "nothing close: nothing offered");
  }
}
