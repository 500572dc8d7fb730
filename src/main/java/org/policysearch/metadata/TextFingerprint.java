package org.policysearch.metadata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

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
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(folded::appendCodePoint);
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
  public record Parsed(int length, long whole, List<Long> sketch) {
    /** The sketch's smallest values, by which candidates are found without comparing every pair. */
    public List<Long> keys(int n) {
      return sketch.subList(0, Math.min(n, sketch.size()));
    }
  }

  /** Null for a missing or malformed fingerprint (an index written before fingerprints). */
  public static Parsed parse(String fingerprint) {
    if (fingerprint == null || !fingerprint.startsWith("1 ")) return null;
    try {
      String[] f = fingerprint.split(" ");
      List<Long> sketch = new ArrayList<>();
      for (int i = 3; i < f.length; i++) sketch.add(Long.parseUnsignedLong(f[i], 16));
      sketch.sort(Long::compare);
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
  static double overlap(List<Long> a, List<Long> b) {
    TreeSet<Long> union = new TreeSet<>();
    union.addAll(a);
    union.addAll(b);
    int k = Math.min(K, Math.min(a.size(), b.size()));
    if (k == 0) return 0;
    java.util.Set<Long> sa = new java.util.HashSet<>(a), sb = new java.util.HashSet<>(b);
    int both = 0, seen = 0;
    for (long v : union) {
      if (seen++ == k) break;
      if (sa.contains(v) && sb.contains(v)) both++;
    }
    return both / (double) k;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb93fe1a85ec3L;
    return z ^ (z >>> 33);
  }
}
