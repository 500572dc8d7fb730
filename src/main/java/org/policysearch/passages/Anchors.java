package org.policysearch.passages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.policysearch.analysis.NfkcCharFilter;
import org.policysearch.analysis.Scripts;

/**
 * Stable anchors. An anchor is a short hash of the document id and the passage's normalised
 * content (NFKC, lower case, letters and digits only), so it survives re-indexing, re-extraction
 * with different line breaks and passages inserted before it. Identical passages in one document
 * (the Chamber report's recurring "Goals for 2025:") get "-2", "-3", … in reading order.
 */
public final class Anchors {
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
  private final String docId;
  private final Map<String, Integer> seen = new HashMap<>();

  public Anchors(String docId) {
    this.docId = docId;
  }

  /** The next passage's anchor. */
  public String next(String text) {
    String base = hash(docId + "\u0000" + normalize(text));
    int n = seen.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + "-" + n;
  }

  /** The content key anchors hash: also used to find the passage closest to a quote. */
  public static String normalize(String text) {
    String s = NfkcCharFilter.toNfkc(text).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Scripts.isWordChar(cp)) b.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 10; i++) b.append(ALPHABET[(d[i] & 0xff) % 32]);
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
