package org.policysearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.policysearch.extraction.ExtractedDocument;

/** The extracted blocks of a document, gzipped JSON in its index entry: re-tagging and re-splitting never re-run Tika. */
final class StoredExtraction {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredExtraction() {}

  static byte[] encode(ExtractedDocument d) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        JSON.writeValue(gz, d);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ExtractedDocument decode(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return JSON.readValue(in, ExtractedDocument.class);
    }
  }
}
