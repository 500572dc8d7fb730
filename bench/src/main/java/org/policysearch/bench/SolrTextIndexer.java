package org.policysearch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.CoreContainer;

/**
 * The Solr peer indexing the same passages in-process (EmbeddedSolrServer, no HTTP), with the
 * schema in resources/solr (equivalent analysis to ours). Batches of 500 from THREADS threads,
 * one commit. Solr gets the glossary terms precomputed (it has no tagger): that cost is ours only.
 *
 * <p>Usage: {@code SolrTextIndexer PASSAGES.bin SOLRHOME THREADS}
 */
public final class SolrTextIndexer {
  private SolrTextIndexer() {}

  public static void main(String[] args) {
    ChildMain.run(args, SolrTextIndexer::run);
  }

  private static void run(String[] args) throws Exception {
    List<PassageFile.Doc> docs = PassageFile.read(Path.of(args[0]));
    Path home = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    SolrHome.create(home);
    long t0 = System.nanoTime();
    CoreContainer cc = CoreContainer.createAndLoad(home);
    long tReady = System.nanoTime();
    try (EmbeddedSolrServer solr = new EmbeddedSolrServer(cc, SolrHome.CORE)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(pool.submit(() -> {
          List<SolrInputDocument> batch = new ArrayList<>();
          for (int i; (i = next.getAndIncrement()) < docs.size(); ) {
            PassageFile.Doc d = docs.get(i);
            for (PassageFile.Psg p : d.passages()) {
              SolrInputDocument s = new SolrInputDocument();
              s.addField("id", d.id() + "#" + p.anchor() + "#" + p.ordinal());
              s.addField("doc", d.id());
              s.addField("lang", p.lang());
              for (String term : p.terms()) s.addField("term", term);
              s.addField("anchor", p.anchor());
              s.addField("ordinal", p.ordinal());
              s.addField("page", p.page());
              s.addField("start", p.start());
              s.addField("end", p.end());
              s.addField("exact", p.text());
              batch.add(s);
            }
            if (batch.size() >= 500) {
              solr.add(batch);
              batch = new ArrayList<>();
            }
          }
          if (!batch.isEmpty()) solr.add(batch);
          return null;
        }));
      }
      for (Future<?> f : tasks) f.get();
      pool.shutdown();
      solr.commit();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(java.util.Locale.ROOT, "solr core loaded in %.2f s%n", (tReady - t0) / 1e9);
    PassageFile.result("solr", docs.size(), PassageFile.passages(docs), PassageFile.textBytes(docs), s,
        PassageFile.sizeOf(home.resolve(SolrHome.CORE).resolve("data")));
    System.exit(0);
  }
}
