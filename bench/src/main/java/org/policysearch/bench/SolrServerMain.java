package org.policysearch.bench;

import java.nio.file.Path;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * The Solr peer served over HTTP on 127.0.0.1 (JettySolrRunner, one JVM, no ZooKeeper) from the
 * Solr home SolrTextIndexer filled. Runs until killed.
 *
 * <p>Usage: {@code SolrServerMain SOLRHOME PORT}
 */
public final class SolrServerMain {
  private SolrServerMain() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    System.setProperty("host", "127.0.0.1");
    JettySolrRunner jetty = new JettySolrRunner(home.toString(), JettyConfig.builder().setPort(port).setContext("/solr").build());
    jetty.start();
    System.out.println("SOLR READY " + jetty.getLocalPort());
    Thread.currentThread().join();
  }
}
