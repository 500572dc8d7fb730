package org.policysearch.cli;

import java.util.Arrays;
import java.util.List;
import org.policysearch.solr.SolrCollection;
import org.policysearch.search.SearchBackend;
import org.policysearch.search.SearchService;
import org.policysearch.solr.SolrSearchBackend;
import org.policysearch.terms.Glossary;
import picocli.CommandLine.Option;

/** Where the index lives: the embedded Lucene folder (default) or a SolrCloud collection ({@code --solr URL --collection NAME}). */
public final class SolrOptions {
  @Option(names = "--solr", paramLabel = "URL",
      description = "Use a SolrCloud collection instead of the index folder: a node's base URL (http://127.0.0.1:8983/solr); several comma-separated.")
  String solr;

  @Option(names = "--collection", paramLabel = "NAME", description = "With --solr: the collection (default: ${DEFAULT-VALUE}).",
      defaultValue = "policy-search")
  String collection;

  @Option(names = "--shards", paramLabel = "N", description = "With --solr: shards, when the collection is created (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int shards;

  @Option(names = "--replicas", paramLabel = "N",
      description = "With --solr: replicas per shard, when the collection is created (default: ${DEFAULT-VALUE}).", defaultValue = "2")
  int replicas;

  boolean enabled() {
    return solr != null && !solr.isBlank();
  }

  SolrCollection.Options options() {
    List<String> urls = Arrays.stream(solr.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    try {
      return new SolrCollection.Options(urls, collection, shards, replicas);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** Connects, or ends the command with a clear message when the cluster cannot be reached. */
  SolrCollection connect() {
    try {
      return SolrCollection.connect(options());
    } catch (SolrCollection.UnavailableException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, e.getMessage());
    }
  }

  /** The search backend these options choose. */
  SearchBackend open(CommonOptions common, Glossary glossary) throws java.io.IOException {
    return enabled() ? new SolrSearchBackend(connect(), glossary) : new SearchService(common.index, glossary);
  }

  String describe(CommonOptions common) {
    return enabled() ? "Solr collection " + collection + " at " + solr : "index " + common.index.toAbsolutePath();
  }
}
