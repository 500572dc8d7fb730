package org.policysearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.policysearch.analysis.AnalyzedText;
import org.policysearch.analysis.Analyzers;
import org.policysearch.analysis.Scripts;
import org.policysearch.terms.Tagger;

/**
 * Where our indexing time goes before Lucene writes anything: each analysis chain, and tagging,
 * timed alone over the same passages, on one thread, after a warm-up over the first third of
 * them (the JIT makes a cold first pass several times slower: the figures are steady state). Set against the plain-Lucene baseline's analysis (StandardAnalyzer) and its whole
 * indexing time, it shows which part of the gap is the work our schema asks for (smartcn
 * segmentation above all), not overhead.
 *
 * <p>Usage: {@code AnalysisCost PASSAGES.bin}; prints one {@code ANALYSIS stage=... } line per stage.
 */
public final class AnalysisCost {
  private AnalysisCost() {}

  private interface Stage {
    long run(String text) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    List<String> all = new ArrayList<>(), han = new ArrayList<>();
    for (PassageFile.Doc d : PassageFile.read(Path.of(args[0]))) {
      for (PassageFile.Psg p : d.passages()) {
        all.add(p.text());
        if (Scripts.countHan(p.text()) > 0) han.add(p.text()); // the zh field exists only for these
      }
    }
    Analyzer standard = new StandardAnalyzer(), en = Analyzers.englishStemmed(), exact = Analyzers.exact(),
        zh = Analyzers.chineseWords();
    Tagger tagger = new Tagger(GlossaryAccess.builtIn(), exact);
    time("standard (plain Lucene baseline)", all, t -> count(standard.tokenStream("f", t)));
    time("en", all, t -> count(en.tokenStream("en", t)));
    time("exact", all, t -> AnalyzedText.of(exact, "exact", t).size());
    time("zh (passages with Han)", han, t -> count(zh.tokenStream("zh", t)));
    time("exact + tagging", all, t -> {
      AnalyzedText a = AnalyzedText.of(exact, "exact", t);
      return a.size() + tagger.tag(a).size();
    });
  }

  private static void time(String name, List<String> texts, Stage stage) throws IOException {
    for (int i = 0; i < texts.size() / 3; i++) stage.run(texts.get(i)); // warm-up
    long bytes = 0, tokens = 0, t0 = System.nanoTime();
    for (String t : texts) {
      tokens += stage.run(t);
      bytes += t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "ANALYSIS stage=%s passages=%d textBytes=%d tokens=%d seconds=%.3f%n", name.replace(' ', '_'),
        texts.size(), bytes, tokens, s);
  }

  private static long count(TokenStream ts) throws IOException {
    long n = 0;
    try (ts) {
      ts.reset();
      while (ts.incrementToken()) n++;
      ts.end();
    }
    return n;
  }
}
