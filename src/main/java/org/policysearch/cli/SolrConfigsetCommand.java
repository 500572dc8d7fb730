package org.policysearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.policysearch.solr.SolrConfigset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code policy-search solr-configset --out DIR}: the Solr configset, generated from the index's own definitions. */
@Command(name = "solr-configset", mixinStandardHelpOptions = true,
    description = {"Write the Solr configset of a policy-search collection: schema.xml (the index fields and analysis chains),",
        "solrconfig.xml, and lib/" + SolrConfigset.ANALYSIS_JAR + " (our analysis factories: copy it into <solr home>/lib on every node).",
        "index and serve with --solr upload it themselves when they create a collection."})
final class SolrConfigsetCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the configset into.")
  Path out;

  @Override
  public Integer call() {
    try {
      SolrConfigset.write(out);
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, "cannot write the configset to " + out + ": " + e.getMessage());
    }
    System.out.println("wrote " + out.resolve("schema.xml") + ", " + out.resolve("solrconfig.xml") + ", "
        + out.resolve("query_gap.txt") + ", " + out.resolve("lib").resolve(SolrConfigset.ANALYSIS_JAR));
    System.out.println("copy lib/" + SolrConfigset.ANALYSIS_JAR + " into <solr home>/lib on every Solr node and restart it; then");
    System.out.println("  bin/solr zk upconfig -n " + org.policysearch.solr.SolrCollection.CONFIGSET + " -d " + out.toAbsolutePath() + " -z <zk host>   (or let index --solr upload it)");
    return ExitCodes.OK;
  }
}
