package org.policysearch.metadata;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import org.policysearch.analysis.NfkcCharFilter;

/**
 * A short fingerprint of a document's text that tells two files holding the same document (a
 * PDF and its text export, the same page saved twice): the text folded to letters and digits
 * (NFKC, lower case; spaces, punctuation, line breaks, page headers' layout gone), its length, a
 * hash of all of it, and the {@value #K} smallest hashes of its {@value #SHINGLE}-character
 * shingles (a bottom-k sketch: the share of sketch values two texts have in common estimates the
 * share of shingles they have in common).
 */
public final class TextFingerprint {
  private TextFingerprint() {}

  static final int K = 32;
  static final int SHINGLE = 16;
  /** Shingle overlap at or above which two texts of similar length are the same document. */
  static final double SAME = 0.8;
  /** Texts shorter than this (folded) are copies only when identical. */
  static final int MIN_NEAR = 200;
  private static final long BASE = 0x100000001B3L;

  /** The fingerprint of a text, as stored: "1 length hash s1 s2 …" (hexadecimal). */
  public static String of(CharSequence text) {
    StringBuilder folded = new StringBuilder(text.length());
    String nfkc = NfkcCharFilter.toNfkc(text).toLowerCase(Locale.ROOT);
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) folded.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    int n = folded.length();
    long whole = 0;
    for (int i = 0; i < n; i++) whole = whole * BASE + folded.charAt(i);
    TreeSet<Long> bottom = new TreeSet<>();
    if (n >= SHINGLE) {
      long pow = 1;
      for (int i = 0; i < SHINGLE - 1; i++) pow *= BASE;
      long h = 0;
      for (int i = 0; i < n; i++) {
        if (i >= SHINGLE) h -= folded.charAt(i - SHINGLE) * pow;
        h = h * BASE + folded.charAt(i);
        if (i < SHINGLE - 1) continue;
        long m = mix(h);
        if (bottom.size() < K) bottom.add(m);
        else if (m < bottom.last() && bottom.add(m)) bottom.pollLast();
      }
    }
    StringBuilder b = new StringBuilder("1 ").append(Integer.toHexString(n)).append(' ').append(Long.toHexString(mix(whole)));
    for (long v : bottom) b.append(' ').append(Long.toHexString(v));
    return b.toString();
  }

  /** A parsed fingerprint. */
  /**
   * A parsed fingerprint; the sketch is sorted and held as primitives (a server keeps one per
   * document: 272 bytes, not the 700 of boxed values; issue 20).
   */
  public record Parsed(int length, long whole, long[] sketch) {
    /** The sketch's smallest values, by which candidates are found without comparing every pair. */
    public long[] keys(int n) {
      return Arrays.copyOf(sketch, Math.min(n, sketch.length));
    }
  }

  /** Null for a missing or malformed fingerprint (an index written before fingerprints). */
  public static Parsed parse(String fingerprint) {
    if (fingerprint == null || !fingerprint.startsWith("1 ")) return null;
    try {
      String[] f = fingerprint.split(" ");
      long[] sketch = new long[Math.max(0, f.length - 3)];
      for (int i = 3; i < f.length; i++) sketch[i - 3] = Long.parseUnsignedLong(f[i], 16);
      Arrays.sort(sketch);
      return new Parsed(Integer.parseInt(f[1], 16), Long.parseUnsignedLong(f[2], 16), sketch);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether two fingerprints are of the same document: the same folded text, or nearly (similar length, shingles shared). */
  public static boolean sameDocument(Parsed a, Parsed b) {
    if (a == null || b == null || a.length() == 0 || b.length() == 0) return false;
    if (a.length() == b.length() && a.whole() == b.whole()) return true;
    if (Math.min(a.length(), b.length()) < MIN_NEAR || Math.min(a.length(), b.length()) < 0.8 * Math.max(a.length(), b.length())) {
      return false;
    }
    return overlap(a.sketch(), b.sketch()) >= SAME;
  }

  /** The bottom-k estimate of the shingle overlap (Jaccard) of two sketches. */
  static double overlap(long[] a, long[] b) {
    int k = Math.min(K, Math.min(a.length, b.length));
    if (k == 0) return 0;
    // the k smallest distinct values of the union (both sketches are sorted), and how many are in both
    int i = 0, j = 0, seen = 0, both = 0;
    while (seen < k && (i < a.length || j < b.length)) {
      long v = j >= b.length || (i < a.length && a[i] < b[j]) ? a[i] : b[j];
      boolean inA = false, inB = false;
      while (i < a.length && a[i] == v) {
        i++;
        inA = true;
      }
      while (j < b.length && b[j] == v) {
        j++;
        inB = true;
      }
      seen++;
      if (inA && inB) both++;
    }
    return both / (double) k;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb93fe1a85ec3L;
    return z ^ (z >>> 33);
  }
}
