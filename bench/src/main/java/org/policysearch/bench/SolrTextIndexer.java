package org.policysearch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      PassageFile.inParallel(docs, threads, () -> new PassageFile.Worker() {
        private List<SolrInputDocument> batch = new ArrayList<>();

        @Override
        public void index(PassageFile.Doc d) throws Exception {
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

        @Override
        public void finish() throws Exception {
          if (!batch.isEmpty()) solr.add(batch);
        }
      });
      solr.commit();
    }
    System.out.printf(java.util.Locale.ROOT, "solr core loaded in %.2f s%n", (tReady - t0) / 1e9);
    PassageFile.result("solr", docs, t0, home.resolve(SolrHome.CORE).resolve("data"));
  }
}
