package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.policysearch.search.Concordance;
import org.policysearch.search.GlossaryCandidates;
import org.policysearch.search.Json;
import org.policysearch.search.NotFoundException;
import org.policysearch.search.SearchBackend;
import org.policysearch.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy-search terms [ID] [--suggest]}: the glossary's concordance, or candidates to add to it. */
@Command(name = "terms", mixinStandardHelpOptions = true,
    description = {"Without ID: every glossary concept with its document and mention counts per language.",
        "With ID: every document that uses the concept (by date), its mention count and passages.",
        "--suggest: phrases the corpus quotes or repeats that the glossary lacks."})
final class TermsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin SolrOptions solr;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "A concept id (see the list).")
  String id;

  @Option(names = "--doc", description = "With ID: only this document.") String doc;
  @Option(names = "--suggest", description = "List candidate concepts the glossary lacks.") boolean suggest;
  @Option(names = "--limit", description = "With --suggest: how many of each kind (default: ${DEFAULT-VALUE}).") int limit = 25;
  @Option(names = "--all", description = "Without ID: include concepts with no mention and document titles.") boolean all;
  @Option(names = "--json", description = "Print the JSON the server returns for /api/terms and /api/terms/{id}.") boolean json;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    if (suggest && solr.enabled()) {
      throw new CliException(ExitCodes.USAGE, "--suggest reads the index folder, not a Solr collection: run it without --solr");
    }
    if (!solr.enabled()) DamagedIndexes.refuseIfDamaged(common);
    try (SearchBackend backend = solr.open(common, common.loadGlossary())) {
      Concordance conc = new Concordance(backend); // the tags of the index folder or of the collection
      if (suggest) {
        List<GlossaryCandidates.Candidate> cs = GlossaryCandidates.suggest((SearchService) backend, limit);
        if (json) {
          out.println(Json.mapper().writeValueAsString(cs));
        } else {
          out.printf("%-45s %-4s %-12s %6s %5s  example%n", "candidate", "lang", "found as", "count", "docs");
          for (var c : cs) {
            out.printf("%-45s %-4s %-12s %6d %5d  %s#%s%n", c.text(), c.lang(), c.source(), c.count(), c.docs(), c.exampleDoc(), c.exampleAnchor());
          }
        }
        return ExitCodes.OK;
      }
      if (id == null) {
        Concordance.Overview o = conc.overview();
        if (json) {
          out.println(Json.mapper().writeValueAsString(o));
          return ExitCodes.OK;
        }
        out.printf("%-40s %-12s %5s %8s %6s %6s%n", "concept", "中文", "docs", "mentions", "en", "zh");
        for (var t : o.terms()) {
          if (!all && (t.mentions() == 0 || t.kind().equals("title"))) continue;
          out.printf("%-40s %-12s %5d %8d %6d %6d%n", t.id(), t.labelZh(), t.docs(), t.mentions(), t.mentionsEn(), t.mentionsZh());
        }
        return ExitCodes.OK;
      }
      Concordance.TermDetail d = conc.term(id, doc);
      if (json) {
        out.println(Json.mapper().writeValueAsString(d));
        return ExitCodes.OK;
      }
      out.printf("%s / %s: %d mentions in %d documents%n", d.label(), d.labelZh(), d.mentions(), d.docs().size());
      out.println("variants: " + String.join(" | ", d.variants()));
      for (var td : d.docs()) {
        out.printf("%n%s (%s) [%s]: %d%n", td.title(), td.date() == null ? "undated" : td.date(), td.doc(), td.count());
        for (var p : td.passages()) {
          String snip = p.snippet().replace("<mark>", "[").replace("</mark>", "]").replace("&lt;", "<").replace("&gt;", ">")
              .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replace("\n", " ");
          out.printf("  %s%s  %s%n", p.page() == null ? "" : "p." + p.page() + " ", "#" + p.anchor(), snip);
        }
      }
      return ExitCodes.OK;
    } catch (NotFoundException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
  }
}
