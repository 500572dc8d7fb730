package org.policysearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.policysearch.cli.Main;
import org.policysearch.search.Api;
import org.policysearch.search.DocumentReader;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchService;
import org.policysearch.terms.Glossary;

/**
 * The same search on SolrCloud (issue 8): a real two-node SolrCloud (MiniSolrCloudCluster,
 * embedded ZooKeeper) gets a collection of 2 shards x 2 replicas created by our own
 * {@code index --solr} command from the generated configset, holding the demo corpus; the
 * embedded index is built by {@code index} from the same files. The same queries then run on both
 * backends: the same document sets for every quoted phrase, the same totals and facets, the same
 * match offsets, working deep links. Last, one node is stopped and searches still answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudParityTest {
  static final String COLLECTION = "demo";
  /** The hand-picked hard phrases of the embedded phrase-oracle test. */
  static final List<String> HARD = List.of("国务院关于印发《中国制造2025》的通知", "中国制造2025", "中国制造 2025", "互联网+",
      "工业互联网", "安全可控", "自主知识产权", "关键信息基础设施", "secure and controllable", "Secure, and Controllable",
      "indigenous innovation", "the State Council", "Made in China 2025", "MIC 2025", "state-owned enterprises", "in the",
      "of the", "Section 301", "implementation of the Made in China 2025", "semiconductors", "第二十五条", "网络安全法", "控");
  /** Unquoted words, operators, filters, wildcards, glossary expansion. */
  static final List<String> QUERIES = List.of("secure and controllable", "安全可控", "semiconductor subsidies", "网络安全",
      "中国制造2025", "tariffs OR 关税", "\"Made in China 2025\" AND NOT semiconductors", "intellectual property lang:en",
      "国家安全 year:2015", "year:[2016 TO 2018] cybersecurity", "term:secure-and-controllable", "innov*", "overcapacity",
      "Section 301: China", "关键信息基础设施 lang:zh", "technolgy~1", "采购 issuer:国务院", "issuer:USTR tariffs",
      "number:中华人民共和国国务院令第658号");

  MiniSolrCloudCluster cluster;
  Path work;
  SearchService embedded;
  SolrSearchBackend solr;
  DocumentReader embeddedReader;
  String urls;
  double indexSeconds, clusterSeconds;

  @BeforeAll
  void setUp() throws Exception {
    Path corpus = Path.of(System.getProperty("policysearch.demoCorpus", "../../shared/corpus")).toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(corpus), "demo corpus not found at " + corpus);
    work = Files.createTempDirectory("solrcloud-parity");
    Path index = work.resolve("index");
    assertEquals(0, Main.run("index", "--corpus", corpus.toString(), "--index", index.toString()));

    long t0 = System.nanoTime();
    cluster = new MiniSolrCloudCluster.Builder(2, work.resolve("cluster")).build();
    clusterSeconds = (System.nanoTime() - t0) / 1e9;
    urls = cluster.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString()).collect(Collectors.joining(","));
    t0 = System.nanoTime();
    assertEquals(0, Main.run("index", "--corpus", corpus.toString(), "--solr", urls, "--collection", COLLECTION,
        "--shards", "2", "--replicas", "2"));
    indexSeconds = (System.nanoTime() - t0) / 1e9;
    System.err.printf("cluster up in %.1f s; demo corpus indexed into SolrCloud (2 shards x 2 replicas) in %.1f s%n",
        clusterSeconds, indexSeconds);

    embedded = new SearchService(index, Glossary.empty());
    embeddedReader = new DocumentReader(embedded);
    solr = new SolrSearchBackend(SolrCollection.connect(new SolrCollection.Options(List.of(urls.split(",")), COLLECTION, 2, 2)),
        Glossary.empty());
  }

  @AfterAll
  void tearDown() throws Exception {
    if (solr != null) solr.close();
    if (embedded != null) embedded.close();
    if (cluster != null) cluster.shutdown();
  }

  @Test
  @Order(1)
  void collectionHasTwoShardsOfTwoReplicasAndTheSameDocuments() throws Exception {
    var state = cluster.getSolrClient().getClusterState().getCollection(COLLECTION);
    assertEquals(2, state.getSlices().size());
    state.getSlices().forEach(s -> assertEquals(2, s.getReplicas().size(), s.getName()));
    assertEquals(embedded.documents(), solr.documents());
  }

  @Test
  @Order(2)
  void everyQuotedPhraseFindsTheSameDocumentsAndOffsets() throws Exception {
    List<String> phrases = new ArrayList<>(HARD);
    phrases.addAll(samplePhrases(new Random(20261130L), 40, 40));
    List<String> failures = new ArrayList<>();
    int sameSpans = 0, hits = 0;
    for (String p : phrases) {
      SearchRequest r = new SearchRequest("\"" + p + "\"", 100, 0, null, null, null, false);
      Api.SearchResponse a = embedded.search(r), b = solr.search(r);
      if (!docIds(a).equals(docIds(b)) || a.total() != b.total()) {
        failures.add("\"" + p + "\": embedded " + a.total() + " " + docIds(a) + " vs solr " + b.total() + " " + docIds(b));
        continue;
      }
      for (Api.Hit h : b.hits()) {
        Api.Hit e = find(a, h);
        if (e == null) continue;
        hits++;
        if (e.matches().equals(h.matches())) sameSpans++;
        else failures.add("\"" + p + "\" " + h.doc() + "#" + h.passage() + ": spans " + e.matches() + " vs " + h.matches());
      }
    }
    System.err.printf("%d phrases: same documents and totals; match offsets equal on %d of %d passages%n", phrases.size(),
        sameSpans, hits);
    assertTrue(failures.isEmpty(), failures.size() + " disagreements:\n" + String.join("\n", failures));
  }

  /**
   * Issue 18 on the SolrCloud backend: the document order and the date orders give the same
   * passages in the same order as the embedded index (by year: Solr passages carry the year, not
   * the full date, as the README says), and the CSV export streams the same passages.
   */
  @Test
  @Order(3)
  void sortedSearchesAndExportsMatchTheEmbeddedIndex() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String q : List.of("secure and controllable", "网络安全", "tariffs OR 关税", "国家安全 year:2015", "issuer:USTR tariffs")) {
      SearchRequest byDoc = new SearchRequest(q, 100, 0, null, null, null, true, "doc", null);
      List<String> a = embedded.search(byDoc).hits().stream().map(h -> h.doc() + "#" + h.passage()).toList();
      List<String> b = solr.search(byDoc).hits().stream().map(h -> h.doc() + "#" + h.passage()).toList();
      if (!a.equals(b)) failures.add(q + " sort=doc: " + a + " vs " + b);
      for (String sort : List.of("date_desc", "date_asc")) {
        SearchRequest byDate = new SearchRequest(q, 100, 0, null, null, null, true, sort, null);
        List<String> ya = embedded.search(byDate).hits().stream().map(h -> h.date() == null ? "-" : h.date().substring(0, 4)).toList();
        List<String> yb = solr.search(byDate).hits().stream().map(h -> h.date() == null ? "-" : h.date().substring(0, 4)).toList();
        if (!ya.equals(yb)) failures.add(q + " sort=" + sort + ": years " + ya + " vs " + yb);
      }
      SearchRequest all = new SearchRequest(q, 20, 0, null, null, null, true, "doc", null);
      List<String> ea = new ArrayList<>(), eb = new ArrayList<>();
      embedded.export(all, row -> ea.add(row.doc() + "#" + row.anchor()));
      solr.export(all, row -> eb.add(row.doc() + "#" + row.anchor()));
      if (!ea.equals(eb)) failures.add(q + " export: " + ea.size() + " rows vs " + eb.size());
      if (ea.size() != embedded.search(new SearchRequest(q, 0, 0, null, null, null, true)).total()) {
        failures.add(q + " export: " + ea.size() + " rows, not every matching passage");
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  @Order(3)
  void queriesGiveTheSameTotalsFacetsAndHits() throws Exception {
    List<String> failures = new ArrayList<>();
    int sameOrder = 0;
    for (String q : QUERIES) {
      for (boolean expand : new boolean[] {true, false}) {
        SearchRequest r = new SearchRequest(q, 100, 0, null, null, null, expand);
        Api.SearchResponse a = embedded.search(r), b = solr.search(r);
        String what = "[" + q + (expand ? "" : ", no expansion") + "] ";
        if (a.total() != b.total()) failures.add(what + "total " + a.total() + " vs " + b.total());
        if (!a.facets().equals(b.facets())) failures.add(what + "facets\n  " + a.facets() + "\n  " + b.facets());
        if (!a.expansions().equals(b.expansions())) failures.add(what + "expansions " + a.expansions() + " vs " + b.expansions());
        if (a.total() <= 100 && !passages(a).equals(passages(b))) failures.add(what + "hit sets differ");
        // the lookup (limit=0): the same total and complete facets, no hits, on both backends
        SearchRequest lookup = new SearchRequest(q, 0, 0, null, null, null, expand);
        Api.SearchResponse la = embedded.search(lookup), lb = solr.search(lookup);
        if (la.total() != a.total() || lb.total() != b.total()) failures.add(what + "lookup total " + la.total() + " vs " + lb.total());
        if (!la.facets().equals(lb.facets())) failures.add(what + "lookup facets\n  " + la.facets() + "\n  " + lb.facets());
        if (!la.hits().isEmpty() || !lb.hits().isEmpty()) failures.add(what + "lookup answered hits");
        if (keys(a).equals(keys(b))) sameOrder++;
        for (Api.Hit h : b.hits()) {
          Api.Hit e = find(a, h);
          if (e != null && !java.util.Objects.equals(e.via(), h.via())) failures.add(what + h.passage() + " via " + e.via() + " vs " + h.via());
          if (e != null && !e.terms().equals(h.terms())) failures.add(what + h.passage() + " terms differ");
        }
      }
      assertTrue(embedded.search(SearchRequest.of(q)).total() > 0, "query finds something: " + q);
    }
    System.err.printf("%d searches and as many lookups: same ranking on %d%n", QUERIES.size() * 2, sameOrder);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  @Order(4)
  void deepLinksOfSolrHitsResolve() throws Exception {
    for (String q : List.of("\"安全可控\"", "\"secure and controllable\"", "\"Section 301\"")) {
      Api.SearchResponse r = solr.search(new SearchRequest(q, 10, 0, null, null, null, true));
      assertFalse(r.hits().isEmpty(), q);
      for (Api.Hit h : r.hits()) {
        assertEquals("/d/" + h.doc() + "?q=" + org.policysearch.search.Links.param(q) + "#" + h.passage(), h.link());
        assertEquals(java.util.Optional.of(h.doc()), solr.findAnchor(h.passage()), "permalink " + h.permalink());
        Api.DocDetail d = solr.read(h.doc(), q, true, h.passage(), null);
        assertEquals("ok", d.anchorStatus());
        Api.PassageView p = d.passages().stream().filter(v -> v.anchor().equals(h.passage())).findFirst().orElseThrow();
        assertEquals(h.matches(), p.matches(), "reader highlights the hit's matches");
        assertEquals(embeddedReader.read(h.doc(), q, true, h.passage(), null), d, "reader view equals the embedded one");
      }
    }
    String law = embedded.documents().stream().map(Api.Doc::id).filter(id -> id.startsWith("2016-cybersecurity-law")).findFirst().orElseThrow();
    Api.DocDetail moved = solr.read(law, null, true, "zzzzzz", "关键信息基础设施的运营者");
    assertEquals("changed", moved.anchorStatus());
    assertEquals(embeddedReader.read(law, null, true, "zzzzzz", "关键信息基础设施的运营者"), moved);
    assertEquals(embedded.search(new SearchRequest("", 5, 0, null, law, null, false)).hits().get(0).passage(),
        solr.search(new SearchRequest("", 5, 0, null, law, null, false)).hits().get(0).passage(), "doc filter, document order");
  }

  @Test
  @Order(4)
  void termConcordanceIsTheSameOnBothBackends() throws Exception {
    var local = new org.policysearch.search.Concordance(embedded);
    var remote = new org.policysearch.search.Concordance(solr);
    assertEquals(local.overview(), remote.overview(), "/api/terms");
    for (String id : List.of("secure-and-controllable", "made-in-china-2025", "cites-2016-cybersecurity-law-zh-pdf")) {
      assertEquals(local.term(id, null), remote.term(id, null), "/api/terms/" + id);
    }
    // the terms command reads the collection with --solr, and prints what it prints for the index folder
    String index = work.resolve("index").toString();
    for (String[] args : List.of(new String[] {"terms", "--json"}, new String[] {"terms", "secure-and-controllable", "--json"})) {
      String fromIndex = stdout(List.of(args), "--index", index);
      String fromSolr = stdout(List.of(args), "--solr", urls, "--collection", COLLECTION);
      assertTrue(fromIndex.length() > 100, fromIndex);
      assertEquals(fromIndex, fromSolr, String.join(" ", args));
    }
    assertEquals(org.policysearch.cli.ExitCodes.USAGE, Main.run("terms", "--suggest", "--solr", urls, "--collection", COLLECTION),
        "--suggest needs the index folder: a clear usage error");
  }

  /** What Main prints on standard output for args followed by more. */
  private static String stdout(List<String> args, String... more) {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.out;
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    int rc;
    try {
      System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
      rc = Main.run(all.toArray(new String[0]));
    } finally {
      System.setOut(saved);
    }
    assertEquals(0, rc, String.join(" ", all));
    return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The product as a user runs it: {@code serve --solr} (the fat jar in a JVM of its own, so with
   * its Jetty 12 web server and SolrJ talking to the cluster over HTTP) answers /api/search over
   * HTTP exactly as the Solr backend answers in process: totals, facets, hits, expansions; and the
   * reader's page and /health answer.
   */
  @Test
  @Order(4)
  void serveCommandOverTheClusterAnswersOverHttpAsTheBackendDoes() throws Exception {
    Path jar = Path.of("..", "target", "policy-search.jar").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(jar), "the root build's fat jar is needed (mvn install at the root first): " + jar);
    Path corpus = Path.of(System.getProperty("policysearch.demoCorpus", "../../shared/corpus")).toAbsolutePath().normalize();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
        jar.toString(), "serve", "--solr", urls, "--collection", COLLECTION, "--corpus", corpus.toString(), "--no-watch",
        "--port", "0").redirectErrorStream(true).start();
    try {
      int port = listeningPort(p);
      var http = java.net.http.HttpClient.newHttpClient();
      var json = new com.fasterxml.jackson.databind.ObjectMapper()
          .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
      String base = "http://127.0.0.1:" + port;
      List<String> qs = new ArrayList<>(QUERIES);
      qs.add("\"secure and controllable\"");
      for (String q : qs) {
        String url = base + "/api/search?limit=20&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        var res = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), q + ": " + res.body());
        Api.SearchResponse over = json.readValue(res.body(), Api.SearchResponse.class);
        Api.SearchResponse direct = solr.search(new SearchRequest(q, 20, 0, null, null, null, true));
        assertEquals(direct.total(), over.total(), q);
        assertEquals(direct.facets(), over.facets(), q);
        assertEquals(direct.expansions(), over.expansions(), q);
        assertEquals(direct.hits().stream().map(Api.Hit::passage).toList(), over.hits().stream().map(Api.Hit::passage).toList(), q);
        assertEquals(direct.hits().stream().map(Api.Hit::matches).toList(), over.hits().stream().map(Api.Hit::matches).toList(), q);
      }
      String doc = embedded.documents().get(0).id();
      var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/docs/" + doc)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.body().contains("\"passages\""), page.body());
      var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), health.body());
    } finally {
      p.destroy();
      if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
    }
  }

  /** Reads the server's log until it says where it listens (the port was 0: a free one). */
  private static int listeningPort(Process p) throws Exception {
    var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    var listening = java.util.regex.Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    StringBuilder log = new StringBuilder();
    long deadline = System.nanoTime() + 120_000_000_000L;
    for (String line; System.nanoTime() < deadline && (line = in.readLine()) != null; ) {
      log.append(line).append('\n');
      var m = listening.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> { // keep reading so the server never blocks on a full pipe
          try {
            while (in.readLine() != null) { }
          } catch (java.io.IOException e) {
            // the server stopped
          }
        });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("serve --solr did not start listening:\n" + log);
  }

  @Test
  @Order(6)
  void searchesStillAnswerWithOneNodeDown() throws Exception {
    List<Long> before = new ArrayList<>();
    for (String q : QUERIES) before.add(solr.search(SearchRequest.of(q)).total());
    var node = cluster.getJettySolrRunner(1);
    cluster.stopJettySolrRunner(node);
    cluster.waitForJettyToStop(node);
    long t0 = System.nanoTime();
    List<Long> after = new ArrayList<>();
    for (String q : QUERIES) after.add(solr.search(SearchRequest.of(q)).total());
    System.err.printf("with one of two nodes down: %d searches answered in %.1f s%n", QUERIES.size(), (System.nanoTime() - t0) / 1e9);
    assertEquals(before, after);
    assertEquals(embedded.documents().size(), solr.documents().size());
  }

  private static Set<String> docIds(Api.SearchResponse r) {
    return r.facets().docs().stream().map(Api.FacetCount::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> passages(Api.SearchResponse r) {
    return r.hits().stream().map(h -> h.doc() + "#" + h.passage()).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> keys(Api.SearchResponse r) {
    return r.hits().stream().map(h -> h.doc() + "#" + h.passage()).toList();
  }

  private static Api.Hit find(Api.SearchResponse r, Api.Hit h) {
    return r.hits().stream().filter(x -> x.doc().equals(h.doc()) && x.passage().equals(h.passage())).findFirst().orElse(null);
  }

  /** As the embedded oracle test: English runs of 2–5 words, Chinese runs of 2–8 characters, from stored passages. */
  private List<String> samplePhrases(Random rnd, int english, int chinese) throws Exception {
    Set<String> en = new LinkedHashSet<>(), zh = new LinkedHashSet<>();
    List<Api.Doc> docs = embedded.documents();
    for (int guard = 0; (en.size() < english || zh.size() < chinese) && guard < 100_000; guard++) {
      Api.Doc d = docs.get(rnd.nextInt(docs.size()));
      int offset = rnd.nextInt(Math.max(1, Math.min(d.passages(), SearchRequest.MAX_OFFSET)));
      Api.SearchResponse page = embedded.search(new SearchRequest("", 1, offset, null, d.id(), null, false));
      if (page.hits().isEmpty()) continue;
      String text = page.hits().get(0).text();
      List<int[]> units = new ArrayList<>();
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i), n = Character.charCount(cp);
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
          units.add(new int[] {i, i + n, 1});
          i += n;
        } else if (Character.isLetterOrDigit(cp)) {
          int s = i;
          while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))
              && Character.UnicodeScript.of(text.codePointAt(i)) != Character.UnicodeScript.HAN) i += Character.charCount(text.codePointAt(i));
          units.add(new int[] {s, i, 0});
        } else {
          i += n;
        }
      }
      if (units.size() < 3) continue;
      int start = rnd.nextInt(units.size() - 1);
      boolean han = units.get(start)[2] == 1;
      int end = Math.min(units.size(), start + (han ? 2 + rnd.nextInt(7) : 2 + rnd.nextInt(4)));
      if (end - start < 2) continue;
      String phrase = text.substring(units.get(start)[0], units.get(end - 1)[1]);
      if (phrase.contains("\"") || phrase.contains("\\")) continue;
      boolean allHan = units.subList(start, end).stream().allMatch(u -> u[2] == 1);
      boolean noHan = units.subList(start, end).stream().noneMatch(u -> u[2] == 1);
      if (allHan && zh.size() < chinese) zh.add(phrase);
      else if (noHan && en.size() < english) en.add(phrase);
    }
    List<String> out = new ArrayList<>(en);
    out.addAll(zh);
    return out;
  }
}
