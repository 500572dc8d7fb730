package org.policysearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.policysearch.terms.Glossary;

/**
 * What the web API and the CLI need from an index, whichever engine holds it (issue 8): the
 * embedded Lucene index ({@link SearchService}) or a SolrCloud collection
 * ({@code org.policysearch.solr.SolrSearchBackend}). Both answer with the same JSON documents ({@link Api}), and both
 * are a source of the glossary concordance (the tags are read from whichever index holds them).
 */
public interface SearchBackend extends Closeable, Concordance.Source {
  /** {@code /api/search} and {@code search --json}. */
  Api.SearchResponse search(SearchRequest request) throws IOException;

  /** {@code /api/search?format=csv}: every passage matching the request in its order (paging ignored), one by one. */
  void export(SearchRequest request, Export.Sink sink) throws IOException;

  /** {@code /api/docs}: all documents, ordered by date. */
  List<Api.Doc> documents() throws IOException;

  /** Makes the last indexing run visible to searches. */
  void refresh() throws IOException;

  /** The glossary the index was tagged with. */
  Glossary glossary();

  /** The reader's view of a document and the permalink lookup ({@code /api/docs/{id}}, {@code /p/{anchor}}). */
  interface Reader {
    /** The first page of a document: around the anchor if one is given, else from the start. */
    default Api.DocDetail read(String docId, String q, boolean expand, String anchor, String quote) throws IOException {
      return read(docId, q, expand, anchor, quote, ReaderPages.Request.FIRST);
    }

    /** One page of a document ({@link ReaderPages}); match counts cover the whole document. */
    Api.DocDetail read(String docId, String q, boolean expand, String anchor, String quote, ReaderPages.Request page)
        throws IOException;

    Optional<String> findAnchor(String anchor) throws IOException;
  }

  /** Completions for {@code /api/suggest}. */
  interface Suggestions {
    Api.Suggestions suggest(String q, int limit) throws IOException;
  }
}
