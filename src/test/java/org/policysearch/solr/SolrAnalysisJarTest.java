package org.policysearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.testing.TraditionalText;

/**
 * The analysis jar a Solr node loads (issue 15): on a class path with Lucene but neither ICU nor
 * policy-search, as on a Solr node, the char filter from the jar folds Traditional to Simplified
 * exactly as the embedded index does, from the table the jar carries.
 */
class SolrAnalysisJarTest {
  @TempDir Path tmp;

  /** Lucene and the JDK as the parent; policy-search's own classes and resources and ICU hidden. */
  private static final class SolrLikeParent extends ClassLoader {
    SolrLikeParent(ClassLoader app) {
      super(app);
    }

    private static boolean hidden(String name) {
      return name.startsWith("org.policysearch.") || name.startsWith("com.ibm.icu.") || name.startsWith("org/policysearch/")
          || name.startsWith("com/ibm/icu/");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (hidden(name)) throw new ClassNotFoundException(name);
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      return hidden(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws java.io.IOException {
      return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }
  }

  @Test
  void theJarFoldsScriptsWithoutIcuOnTheClassPath() throws Exception {
    Path jar = tmp.resolve(SolrConfigset.ANALYSIS_JAR);
    try (var out = Files.newOutputStream(jar)) {
      SolrConfigset.writeAnalysisJar(out);
    }
    ClassLoader parent = new SolrLikeParent(getClass().getClassLoader());
    assertThrows(ClassNotFoundException.class, () -> parent.loadClass("com.ibm.icu.text.Transliterator"));
    try (URLClassLoader solr = new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent)) {
      Class<?> filter = solr.loadClass("org.policysearch.analysis.NfkcCharFilter");
      for (int i = 0; i < TraditionalText.TRADITIONAL.size(); i++) {
        Reader r = (Reader) filter.getConstructor(Reader.class).newInstance(new StringReader(TraditionalText.TRADITIONAL.get(i)));
        StringBuilder b = new StringBuilder();
        char[] buf = new char[256];
        for (int n; (n = r.read(buf)) != -1; ) b.append(buf, 0, n);
        // NFKC turns the full-width comma into ASCII; the embedded chain reads the same
        String expected = java.text.Normalizer.normalize(TraditionalText.SIMPLIFIED.get(i), java.text.Normalizer.Form.NFKC);
        assertEquals(expected, b.toString(), "line " + i);
      }
    }
  }
}
