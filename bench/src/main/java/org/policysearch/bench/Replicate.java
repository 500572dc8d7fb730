package org.policysearch.bench;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.policysearch.extraction.Block;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.Extractor;
import org.policysearch.extraction.FrontMatter;
import org.policysearch.metadata.TextFingerprint;
import org.policysearch.passages.Languages;
import org.policysearch.passages.Passage;
import org.policysearch.passages.PassageSplitter;

/**
 * Builds a corpus K times the size of a source corpus (issue 20): every file once under its own
 * path (a hard link), and K-1 replicas under {@code replica-R/} with {@code -rR} before the
 * extension, so every replica has a new path, name and document id.
 *
 * <p><b>Why replicas are edited, and how.</b> The product folds files that hold the same
 * document into "copies" ({@code index/Copies}): two texts are the same when their folded text
 * (NFKC, lower case, letters and digits only) is identical, or when their lengths are within 20%
 * and the bottom-32 sketch of their 16-character shingle hashes ({@code TextFingerprint}) overlaps
 * by 80% or more. A byte copy, or a copy with a line added, is therefore folded, and scattered small
 * changes do not help either: the sketch is built to shrug them off (a change must alter more than
 * ~11% of all shingles to bring the true resemblance under 0.8, i.e. a changed letter every ~100).
 * So the replicator changes exactly the shingles the sketch is made of, and nothing else: it
 * computes the fingerprint's shingle hashes of the document's passage text (the text the product
 * fingerprints: front matter off, passages joined), ranks them, and replica R swaps two adjacent
 * letters inside a word (a transposition typo: "sceurity", "家国") in every occurrence of the
 * shingles of rank [(R-1)W, RW) (W = {@value #W}). Replica R then lacks W of the original's 32
 * smallest values (overlap with the original at most 22/32 < 0.8) and the replicas lack different
 * ones (overlap between two replicas at most 12/32). Texts under 200 folded characters are copies
 * only when identical: one swap, at a different place for each replica, is enough. About W letter
 * pairs change per replica whatever the document's length, so term statistics stay those of real
 * text (a few new typo terms per document).
 *
 * <p>Every replica is checked with the product's own rule: its passage text is extracted again and
 * {@code TextFingerprint.sameDocument} compared with the original and the earlier replicas; a replica
 * still taken for a copy is redone with twice the ranks (up to 4 times), and the count of any left is
 * printed. Deterministic: the same corpus gives the same bytes.
 *
 * <p>Usage: {@code Replicate SRC DEST K}. Prints {@code RESULT files=.. bytes=.. replicas=.. swaps=..
 * redone=.. stillCopies=.. unchanged=.. seconds=..}.
 */
public final class Replicate {
  private Replicate() {}

  /** Ranks of the sketch taken out per replica. */
  static final int W = 10;
  private static final int SHINGLE = 16;
  private static final long BASE = 0x100000001B3L;

  public static void main(String[] args) throws Exception {
    Path src = Path.of(args[0]).toAbsolutePath(), dest = Path.of(args[1]).toAbsolutePath();
    int k = Integer.parseInt(args[2]);
    long t0 = System.nanoTime();
    List<Path> files;
    try (Stream<Path> s = Files.walk(src)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    AtomicLong bytes = new AtomicLong(), swaps = new AtomicLong(), redone = new AtomicLong(), still = new AtomicLong(),
        unchanged = new AtomicLong(), replicas = new AtomicLong();
    List<String> stillCopies = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    PassageSplitter splitter = new PassageSplitter();
    try (Extractor extractor = new Extractor(Extractor.Limits.DEFAULT)) {
      List<Future<?>> tasks = new ArrayList<>();
      for (Path f : files) {
        tasks.add(pool.submit(() -> {
          Path rel = src.relativize(f);
          Path orig = dest.resolve(rel.toString());
          Files.createDirectories(orig.getParent());
          if (!Files.exists(orig)) Files.createLink(orig, f);
          byte[] raw = Files.readAllBytes(f);
          bytes.addAndGet((long) raw.length * k);
          String text = decode(raw);
          String pt = text == null ? "" : passageText(extractor, splitter, f), folded = fold(pt);
          List<TextFingerprint.Parsed> prints = new ArrayList<>();
          prints.add(TextFingerprint.parse(TextFingerprint.of(pt)));
          for (int r = 1; r < k; r++) {
            Path out = dest.resolve("replica-" + r).resolve(withSuffix(rel, "-r" + r).toString());
            Files.createDirectories(out.getParent());
            replicas.incrementAndGet();
            if (text == null || folded.isEmpty()) { // not UTF-8 text, or no text: nothing the fingerprint could fold
              Files.write(out, raw);
              unchanged.incrementAndGet();
              continue;
            }
            TextFingerprint.Parsed p = null;
            boolean copy = true;
            for (int scale = 1; scale <= 8 && copy; scale *= 2) {
              if (scale > 1) redone.incrementAndGet();
              Edit e = edit(text, folded, r, scale);
              Files.writeString(out, e.text(), StandardCharsets.UTF_8);
              p = TextFingerprint.parse(TextFingerprint.of(passageText(extractor, splitter, out)));
              copy = false;
              for (TextFingerprint.Parsed q : prints) copy |= TextFingerprint.sameDocument(p, q);
              if (!copy || scale == 8) swaps.addAndGet(e.swaps());
            }
            if (copy) {
              still.incrementAndGet();
              if (stillCopies.size() < 10) stillCopies.add(out.toString());
            }
            prints.add(p);
          }
          return null;
        }));
      }
      for (Future<?> t : tasks) t.get();
    } finally {
      pool.shutdownNow();
    }
    for (String s : stillCopies) System.out.println("still a copy by the product's rule: " + s);
    System.out.printf(Locale.ROOT, "RESULT files=%d bytes=%d replicas=%d swaps=%d redone=%d stillCopies=%d unchanged=%d seconds=%.1f%n",
        files.size() * (long) k, bytes.get(), replicas.get(), swaps.get(), redone.get(), still.get(), unchanged.get(),
        (System.nanoTime() - t0) / 1e9);
  }

  record Edit(String text, int swaps) {}

  /**
   * The text with, for replica r, two adjacent letters swapped in every occurrence of the shingles
   * of rank [(r-1)W·scale, rW·scale) of the folded passage text; short texts get one swap.
   */
  static Edit edit(String text, String folded, int r, int scale) {
    // the raw text folded the same way, each folded char mapped to its index in the raw text
    StringBuilder rf = new StringBuilder(text.length());
    int[] map = new int[text.length() * 4 + 8];
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      for (int c : s.codePoints().toArray()) {
        if (!Character.isLetterOrDigit(c)) continue;
        for (char ch : Character.toChars(c)) {
          if (rf.length() >= map.length) map = java.util.Arrays.copyOf(map, map.length * 2);
          map[rf.length()] = i;
          rf.append(ch);
        }
      }
      i += Character.charCount(cp);
    }
    String rawFolded = rf.toString();
    char[] out = text.toCharArray();
    BitSet touched = new BitSet(out.length);
    // never touch YAML front matter (metadata, not passage text): the raw text before its closing line is off limits
    int bodyRaw = frontMatterEnd(text), base = 0;
    while (base < rawFolded.length() && map[base] < bodyRaw) base++;
    int swaps = 0;
    if (folded.length() < 200 || folded.length() < SHINGLE + W) {
      // copies only when identical: one swap inside the passage text, a different one for each replica (and each retry)
      List<Integer> candidates = new ArrayList<>();
      for (int p = 0; p + 1 < folded.length(); p++) {
        String ctx = folded.substring(p, Math.min(folded.length(), p + 12));
        int at = rawFolded.indexOf(ctx, base);
        if (at >= 0 && swappable(text, rawFolded, map, at, touched)) candidates.add(at);
      }
      if (candidates.isEmpty()) return new Edit(new String(out), 0);
      int want = ((r - 1) + 7 * Integer.numberOfTrailingZeros(scale)) % candidates.size();
      swap(out, map[candidates.get(want)], touched);
      return new Edit(new String(out), 1);
    }
    // rank the distinct shingle hashes of the folded passage text (as TextFingerprint computes them)
    TreeMap<Long, Integer> ranked = new TreeMap<>(); // signed order, as TextFingerprint's TreeSet
    long pow = 1;
    for (int i = 0; i < SHINGLE - 1; i++) pow *= BASE;
    long h = 0;
    int keep = W * scale * (r + 1) + 1;
    for (int i = 0; i < folded.length(); i++) {
      if (i >= SHINGLE) h -= folded.charAt(i - SHINGLE) * pow;
      h = h * BASE + folded.charAt(i);
      if (i < SHINGLE - 1) continue;
      long m = mix(h);
      if (ranked.size() < keep) ranked.putIfAbsent(m, i - SHINGLE + 1);
      else if (m < ranked.lastKey() && !ranked.containsKey(m)) {
        ranked.put(m, i - SHINGLE + 1);
        ranked.pollLastEntry();
      }
    }
    List<Integer> starts = new ArrayList<>(ranked.values());
    int from = Math.min((r - 1) * W * scale, starts.size()), to = Math.min(r * W * scale, starts.size());
    for (int start : starts.subList(from, to)) {
      String shingle = folded.substring(start, start + SHINGLE);
      for (int at = rawFolded.indexOf(shingle, base), guard = 0; at >= 0 && guard < 50; at = rawFolded.indexOf(shingle, at + 1), guard++) {
        for (int d : new int[] {7, 8, 6, 9, 5, 10, 4, 11, 3, 12, 2, 13, 1, 14, 0}) {
          int q = at + d;
          if (swappable(text, rawFolded, map, q, touched)) {
            swap(out, map[q], touched);
            swaps++;
            break;
          }
        }
      }
    }
    return new Edit(new String(out), swaps);
  }

  /** Where the body starts: after a closing "---" line when the text opens with YAML front matter, else 0. */
  static int frontMatterEnd(String text) {
    if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) return 0;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(---|\\.\\.\\.)\\s*$").matcher(text);
    if (!m.find(3)) return 0;
    return m.end();
  }

  /** Folded chars q and q+1 are two different letters next to each other in the raw text, as written, untouched. */
  private static boolean swappable(String text, String rawFolded, int[] map, int q, BitSet touched) {
    if (q < 0 || q + 1 >= rawFolded.length()) return false;
    int i = map[q], j = map[q + 1];
    if (j != i + 1 || touched.get(i) || touched.get(j)) return false;
    char a = text.charAt(i), b = text.charAt(j);
    return a != b && Character.isLetter(a) && Character.isLetter(b) && !Character.isSurrogate(a) && !Character.isSurrogate(b)
        && Character.toLowerCase(a) == rawFolded.charAt(q) && Character.toLowerCase(b) == rawFolded.charAt(q + 1)
        && Character.toLowerCase(a) != Character.toLowerCase(b) && Character.isUpperCase(a) == Character.isUpperCase(b);
  }

  private static void swap(char[] out, int i, BitSet touched) {
    char t = out[i];
    out[i] = out[i + 1];
    out[i + 1] = t;
    touched.set(i);
    touched.set(i + 1);
  }

  /** The text the product fingerprints: the passages of the body (front matter off), joined by line breaks. */
  static String passageText(Extractor extractor, PassageSplitter splitter, Path f) {
    ExtractedDocument ex = extractor.extract(f);
    if (!ex.outcome().indexable()) return "";
    List<Block> blocks = ex.blocks();
    String mt = ex.mediaType();
    if (mt != null && (mt.startsWith("text/plain") || mt.contains("markdown"))) {
      FrontMatter.BlocksSplit fm = FrontMatter.of(blocks);
      if (fm != null) blocks = fm.blocks();
    }
    StringBuilder sample = new StringBuilder();
    for (Block b : blocks) {
      if (sample.length() > 20_000) break;
      sample.append(b.text()).append('\n');
    }
    StringBuilder b = new StringBuilder();
    for (Passage p : splitter.split("x", blocks, Languages.of(sample.toString(), "en"))) b.append(p.text()).append('\n');
    return b.toString();
  }

  /** As TextFingerprint folds: NFKC, lower case, letters and digits only. */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
        .forEach(folded::appendCodePoint);
    return folded.toString();
  }

  /** TextFingerprint's mixing step (a copy of its private finaliser: the ranks must be the product's). */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb93fe1a85ec3L;
    return z ^ (z >>> 33);
  }

  private static String decode(byte[] raw) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static Path withSuffix(Path rel, String suffix) {
    String n = rel.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String name = dot > 0 ? n.substring(0, dot) + suffix + n.substring(dot) : n + suffix;
    return rel.getParent() == null ? Path.of(name) : rel.getParent().resolve(name);
  }
}
