package org.policysearch.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.policysearch.index.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SolrCloud collection reached through SolrJ's cloud client (issue 8): requests are routed to
 * live replicas by the client, retried on transient failures, and an unreachable cluster is one
 * clear message, not a stack trace.
 *
 * <p>The client is {@link CloudLegacySolrClient} (Apache HttpClient): SolrJ 9's HTTP/2 clients
 * need Jetty 10, which cannot share a classpath with the server's Jetty 12.
 */
public final class SolrCollection implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SolrCollection.class);
  static final int ATTEMPTS = 4;
  /** The configset name collections are created with (one per schema version). */
  public static final String CONFIGSET = "policy-search-" + Fields.SCHEMA_VERSION;

  /**
   * Where the collection is and how to create it.
   *
   * @param urls base URLs of one or more Solr nodes (http://127.0.0.1:8983/solr)
   * @param collection collection name
   * @param shards shards when the collection is created
   * @param replicas replicas per shard when the collection is created
   */
  public record Options(List<String> urls, String collection, int shards, int replicas) {
    public Options {
      if (urls == null || urls.isEmpty()) throw new IllegalArgumentException("no Solr URL");
      if (collection == null || !collection.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
        throw new IllegalArgumentException("a collection name is letters, digits, '_', '-' and '.', not '" + collection + "'");
      }
      if (shards < 1 || replicas < 1) throw new IllegalArgumentException("--shards and --replicas must be at least 1");
      urls = urls.stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
    }
  }

  /** The cluster cannot be reached or refused a request after the retries. */
  public static final class UnavailableException extends IOException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Options options;
  private final CloudSolrClient client;

  private SolrCollection(Options options, CloudSolrClient client) {
    this.options = options;
    this.client = client;
  }

  /** Connects after checking that at least one of the URLs answers (fails fast with a clear message). */
  public static SolrCollection connect(Options o) throws UnavailableException {
    List<String> problems = new ArrayList<>();
    List<String> live = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (String u : o.urls()) {
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(u + "/admin/info/system?wt=json"))
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) live.add(u);
        else problems.add(u + " answered HTTP " + r.statusCode());
      } catch (IOException | IllegalArgumentException e) {
        problems.add(u + ": " + (e instanceof java.net.ConnectException ? "connection refused"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException("interrupted while connecting to Solr", e);
      }
    }
    if (live.isEmpty()) {
      throw new UnavailableException("cannot reach the Solr cluster (" + String.join("; ", problems)
          + "). Is it running? --solr takes a node's base URL, such as http://127.0.0.1:8983/solr", null);
    }
    CloudSolrClient c = new CloudLegacySolrClient.Builder(live).build();
    return new SolrCollection(o, c);
  }

  public String name() {
    return options.collection();
  }

  public SolrClient client() {
    return client;
  }

  /** Creates the collection (and uploads the configset) if the cluster does not have it yet. */
  public void ensureExists() throws IOException {
    List<String> existing = retry("list collections", () -> CollectionAdminRequest.listCollections(client));
    if (existing.contains(options.collection())) return;
    String config = CONFIGSET;
    List<String> configs = retry("list configsets", () -> new ConfigSetAdminRequest.List().process(client).getConfigSets());
    if (!configs.contains(config)) {
      Path zip = Files.createTempFile("policy-search-configset", ".zip");
      try {
        Files.write(zip, SolrConfigset.zip());
        retry("upload the configset", () -> new ConfigSetAdminRequest.Upload().setConfigSetName(config)
            .setUploadFile(zip.toFile(), "application/zip").process(client));
      } finally {
        Files.deleteIfExists(zip);
      }
      LOG.info("uploaded configset {}", config);
    }
    CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(options.collection(), config,
        options.shards(), options.replicas());
    create.setWaitForFinalState(true);
    try {
      retry("create the collection", () -> create.process(client));
    } catch (UnavailableException e) {
      throw new UnavailableException(e.getMessage() + " (each node needs " + SolrConfigset.ANALYSIS_JAR
          + " in <solr home>/lib: see `policy-search solr-configset`)", e.getCause());
    }
    LOG.info("created collection {} ({} shards x {} replicas, configset {})", options.collection(), options.shards(),
        options.replicas(), config);
  }

  /** Runs a request on the collection with retries. */
  public NamedList<Object> request(String what, SolrRequest<?> request) throws IOException {
    return retry(what, () -> client.request(request, options.collection()));
  }

  /** A Solr call that may fail. */
  @FunctionalInterface
  public interface Call<T> {
    T call() throws SolrServerException, IOException;
  }

  /**
   * Runs call, retrying transient failures (connection problems, 5xx: a node restarting, a
   * leader election) with back-off; a client error (4xx) fails at once.
   */
  public <T> T retry(String what, Call<T> call) throws IOException {
    Exception last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return call.call();
      } catch (SolrException e) {
        if (e.code() >= 400 && e.code() < 500) throw new UnavailableException("Solr refused to " + what + ": " + e.getMessage(), e);
        last = e;
      } catch (SolrServerException | IOException | RuntimeException e) {
        last = e;
      }
      if (attempt < ATTEMPTS) {
        LOG.warn("{} failed (attempt {} of {}): {}; retrying", what, attempt, ATTEMPTS, rootMessage(last));
        try {
          Thread.sleep(500L << (attempt - 1));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new UnavailableException("could not " + what + " on the Solr collection " + options.collection() + " at "
        + String.join(", ", options.urls()) + " after " + ATTEMPTS + " attempts: " + rootMessage(last), last);
  }

  static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r != null && r.getCause() != null && r.getCause() != r) r = r.getCause();
    String m = r == null ? null : r.getMessage();
    return m == null ? String.valueOf(r) : m;
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
