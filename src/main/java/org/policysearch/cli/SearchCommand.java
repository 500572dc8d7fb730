package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.policysearch.search.Api;
import org.policysearch.search.BadQueryException;
import org.policysearch.search.Json;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy-search search QUERY}: ranked passages with the matches highlighted. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search the index. Quote a phrase for an exact match: \"secure and controllable\", \"安全可控\".",
        "Operators AND OR NOT ( ); filters doc:ID lang:zh|en|mixed year:2015 term:ID."})
final class SearchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin SolrOptions solr;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (several words are joined with spaces).")
  String[] query;

  @Option(names = "--limit", paramLabel = "N", description = "Hits to show (default: ${DEFAULT-VALUE}, at most 100). 0: only the count and every matching document with its passage count.")
  int limit = 10;

  @Option(names = "--offset", paramLabel = "N", description = "Hits to skip (paging).")
  int offset;

  @Option(names = "--lang", description = "Only passages in this language: zh, en or mixed.") String lang;
  @Option(names = "--doc", description = "Only passages of this document id.") String doc;
  @Option(names = "--term", description = "Only passages that mention this glossary concept id.") String term;

  @Option(names = "--no-expand", description = "Do not add the glossary's other variants and language.")
  boolean noExpand;

  @Option(names = "--json", description = "Print the JSON document /api/search returns.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    String q = String.join(" ", query);
    PrintStream out = System.out;
    if (!solr.enabled()) DamagedIndexes.refuseIfDamaged(common);
    try (SearchBackend search = solr.open(common, common.loadGlossary())) {
      Api.SearchResponse r = search.search(new SearchRequest(q, limit, offset, lang, doc, term, !noExpand));
      if (json) {
        out.println(Json.mapper().writeValueAsString(r));
        return ExitCodes.OK;
      }
      print(out, r, System.console() != null);
      return ExitCodes.OK;
    } catch (BadQueryException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (e instanceof CliException) throw e;
      // damage the check on open does not read (beyond its budget) shows when a search decodes it
      CliException damaged = solr.enabled() ? null : DamagedIndexes.explain(common, e);
      if (damaged != null) throw damaged;
      throw e;
    }
  }

  private static void print(PrintStream out, Api.SearchResponse r, boolean ansi) {
    out.printf("%d passages match (%d ms)%n", r.total(), r.tookMs());
    for (Api.Expansion e : r.expansions()) out.printf("  also searching the glossary's %s: %s%n", e.label(), String.join(" | ", e.variants()));
    for (Api.Correction c : r.suggestions()) out.printf("  did you mean: %s (%d passages)%n", c.query(), c.total());
    if (r.limit() == 0) {
      // the lookup: every matching document with its number of matching passages
      out.printf("in %d documents%n", r.facets().docs().size());
      for (Api.FacetCount d : r.facets().docs()) out.printf("%6d  %s  %s%n", d.count(), d.id(), d.title());
      return;
    }
    int i = r.offset();
    for (Api.Hit h : r.hits()) {
      out.println();
      out.printf("%d. %s%s  [%s%s, %s, #%s%s]%s%n", ++i, h.title(), h.date() == null ? "" : " (" + h.date() + ")", h.doc(),
          h.page() == null ? "" : " p." + h.page(), h.lang(), h.passage(), h.ocr() ? ", OCR: may hold recognition errors" : "",
          h.via() == null ? "" : "  via " + h.via());
      String about = String.join(" · ", java.util.stream.Stream.of(h.issuer(), h.number()).filter(java.util.Objects::nonNull).toList());
      if (!about.isEmpty()) out.println("   " + about);
      for (Api.CopyRef c : h.also()) out.println("   also as " + c.format() + ": " + c.id());
      out.println("   " + highlight(h, ansi));
      if (!h.terms().isEmpty()) {
        out.println("   terms: " + String.join(", ", h.terms().stream().map(Api.TermRef::label).toList()));
      }
    }
  }

  /** The snippet as text, matches in bold yellow on a terminal, in [brackets] otherwise. */
  private static String highlight(Api.Hit h, boolean ansi) {
    String s = h.snippet().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    s = ansi ? s.replace("<mark>", "\u001b[1;33m").replace("</mark>", "\u001b[0m") : s.replace("<mark>", "[").replace("</mark>", "]");
    return s.replace("&amp;", "&").replace("\n", " ");
  }
}
