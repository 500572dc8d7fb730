package org.policysearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.policysearch.analysis.Analyzers;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.corpus.CorpusScanner;
import org.policysearch.corpus.SourceFile;
import org.policysearch.extraction.Block;
import org.policysearch.extraction.ExtractedDocument;
import org.policysearch.extraction.Extractor;
import org.policysearch.extraction.FrontMatter;
import org.policysearch.passages.Languages;
import org.policysearch.passages.Passage;
import org.policysearch.passages.PassageSplitter;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryLoader;
import org.policysearch.terms.Mention;
import org.policysearch.terms.Tagger;

/**
 * Step 1 of the benchmark (runs on the policy-search fat jar): extracts every file of the corpus
 * with our Extractor (front matter read with {@link FrontMatter}), splits passages with our
 * PassageSplitter, tags them, and writes (a) the passage file all three engines index from,
 * (b) one text file per document for ripgrep, (c) the seeded query set.
 *
 * <p>Usage: {@code Prepare CORPUS PASSAGES.bin TEXTDIR QUERIES.tsv SEED}
 */
public final class Prepare {
  private Prepare() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]), out = Path.of(args[1]), textDir = Path.of(args[2]), queries = Path.of(args[3]);
    long seed = Long.parseLong(args[4]);
    Glossary glossary = builtInGlossary();
    Tagger tagger = new Tagger(glossary, Analyzers.exact());
    PassageSplitter splitter = new PassageSplitter();
    CorpusScan scan = new CorpusScanner(corpus, Set.of()).scan();
    Files.createDirectories(textDir);
    long t0 = System.nanoTime();
    List<PassageFile.Doc> docs = Collections.synchronizedList(new ArrayList<>());
    int[] failed = {0};
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try (Extractor extractor = new Extractor(Extractor.Limits.DEFAULT)) {
      List<Future<?>> tasks = new ArrayList<>();
      for (SourceFile f : scan.files()) {
        tasks.add(pool.submit(() -> {
          ExtractedDocument ex = extractor.extract(f.path());
          if (!ex.outcome().indexable()) {
            synchronized (failed) {
              failed[0]++;
            }
            return null;
          }
          List<Block> blocks = ex.blocks();
          String title = ex.title(), date = ex.created() != null && ex.created().length() >= 10 ? ex.created().substring(0, 10) : null;
          FrontMatter.BlocksSplit fm = FrontMatter.of(blocks);
          if (fm != null) {
            blocks = fm.blocks();
            if (fm.frontMatter().title() != null) title = fm.frontMatter().title();
            if (fm.frontMatter().date() != null) date = fm.frontMatter().date();
          }
          StringBuilder sample = new StringBuilder();
          for (Block b : blocks) {
            if (sample.length() > 20_000) break;
            sample.append(b.text()).append('\n');
          }
          String lang = Languages.of(sample.toString(), "en");
          List<Passage> passages = splitter.split(f.docId(), blocks, lang);
          if (title == null && !passages.isEmpty() && passages.get(0).text().length() <= 120) title = passages.get(0).text();
          if (title == null) title = f.path().getFileName().toString();
          List<PassageFile.Psg> ps = new ArrayList<>(passages.size());
          StringBuilder text = new StringBuilder();
          for (Passage p : passages) {
            Set<String> terms = new LinkedHashSet<>();
            for (Mention m : tagger.tag(p.text())) terms.add(m.concept());
            ps.add(new PassageFile.Psg(p.ordinal(), p.page(), p.lang(), p.text(), p.start(), p.end(), p.anchor(), List.copyOf(terms)));
            if (text.length() > 0) text.append("\n\n");
            text.append(p.text());
          }
          Files.writeString(textDir.resolve(f.docId().replace('/', '_') + ".txt"), text, StandardCharsets.UTF_8);
          docs.add(new PassageFile.Doc(f.docId(), f.source(), title, date, lang, ex.mediaType(), ps));
          return null;
        }));
      }
      for (Future<?> t : tasks) t.get();
    } finally {
      pool.shutdownNow();
    }
    docs.sort((a, b) -> a.id().compareTo(b.id()));
    PassageFile.write(out, docs);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("prepared %d documents (%d failed), %d passages, %.1f MB of passage text in %.1f s%n", docs.size(), failed[0],
        PassageFile.passages(docs), PassageFile.textBytes(docs) / 1e6, s);
    long fileBytes = 0;
    for (SourceFile f : scan.files()) fileBytes += f.size();
    Files.writeString(out.resolveSibling("prepared.properties"), "docs=" + docs.size() + "\npassages=" + PassageFile.passages(docs)
        + "\ntextBytes=" + PassageFile.textBytes(docs) + "\nfiles=" + scan.files().size() + "\nfileBytes=" + fileBytes
        + "\nfailed=" + failed[0] + "\nseconds=" + s + "\n");
    if (!queries.toString().equals("-")) {
      List<BenchQuery> qs = new QuerySet(glossary, seed).generate(docs);
      QuerySet.write(queries, qs);
      System.out.printf("wrote %d queries to %s%n", qs.size(), queries);
    }
  }

  static Glossary builtInGlossary() throws IOException {
    try (InputStream in = Prepare.class.getResourceAsStream("/glossary.tsv")) {
      if (in == null) throw new IOException("no built-in glossary on the class path");
      return GlossaryLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in glossary.tsv");
    }
  }
}
