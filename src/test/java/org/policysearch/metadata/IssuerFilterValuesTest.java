package org.policysearch.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter values worked out once per issuer equal those of the direct rule, for every known name and alias and free text. */
class IssuerFilterValuesTest {
  @Test
  void theCachedValuesAreTheRulesValues() {
    List<String> issuers = new ArrayList<>(List.of("国务院 (State Council)", "  State Council.  ", "U.S. Department of Commerce",
        "Office of the United States Trade Representative (USTR)", "中共中央办公厅、国务院办公厅", "Some Provincial Bureau",
        "工业和信息化部 (MIIT)", "NPC", "the White House", "(", "全国人大常委会 关于…"));
    for (Issuers.Issuer i : Issuers.knownIssuers()) {
      issuers.add(i.name());
      issuers.addAll(i.aliases());
      issuers.add(i.name() + " (" + (i.aliases().isEmpty() ? "x" : i.aliases().get(0)) + ")");
    }
    for (String issuer : issuers) {
      assertEquals(rule(issuer), Issuers.filterValues(issuer), issuer);
      assertSame(Issuers.filterValues(issuer), Issuers.filterValues(issuer), "worked out once: " + issuer);
    }
    assertEquals(Set.of(), Issuers.filterValues(null));
    assertEquals(Set.of(), Issuers.filterValues(" "));
  }

  /** The rule as first written: every part against every known issuer, normalising as it goes. */
  private static Set<String> rule(String issuer) {
    Set<String> out = new LinkedHashSet<>();
    out.add(Issuers.normalize(issuer));
    int paren = issuer.indexOf('(');
    if (paren > 0) out.add(Issuers.normalize(issuer.substring(0, paren)));
    List<String> parts = new ArrayList<>(List.of(issuer));
    if (paren > 0) parts.add(issuer.substring(0, paren));
    for (Issuers.Issuer i : Issuers.knownIssuers()) {
      for (String p : parts) {
        if (Issuers.normalize(p).equals(Issuers.normalize(i.name()))
            || i.aliases().stream().anyMatch(a -> Issuers.normalize(a).equals(Issuers.normalize(p)))
            || Issuers.known(p) != null && Issuers.known(p).equals(i.name()) && p.strip().length() <= i.name().length() + 40) {
          out.add(Issuers.normalize(i.name()));
          for (String a : i.aliases()) out.add(Issuers.normalize(a));
        }
      }
    }
    return out;
  }
}
