package org.policysearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Lays out the Solr home (solr.xml, core "passages" with its schema and config) from this jar's resources. */
final class SolrHome {
  private SolrHome() {}

  static final String CORE = "passages";

  static void create(Path home) throws IOException {
    for (String r : new String[] {"solr.xml", "passages/core.properties", "passages/conf/schema.xml", "passages/conf/solrconfig.xml",
        "passages/conf/han-types.txt", "passages/conf/fullwidth-punctuation.txt"}) {
      Path target = home.resolve(r);
      Files.createDirectories(target.getParent());
      try (InputStream in = SolrHome.class.getResourceAsStream("/solr/" + r)) {
        if (in == null) throw new IOException("missing resource /solr/" + r);
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
