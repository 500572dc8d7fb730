package org.policysearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.policysearch.analysis.Analyzers;
import org.policysearch.analysis.DropNonWordsFilterFactory;
import org.policysearch.analysis.NfkcCharFilterFactory;
import org.policysearch.analysis.Scripts;

/**
 * JMH micro-benchmark of our analysis chains over the same sample of real passages: the
 * Chinese words chain as it is ({@code zh}: NFKC with ASCII punctuation given back its full-width
 * form before smartcn) against the chain before that fix ({@code zh-ascii-punctuation}: plain
 * NFKC, which turns every Chinese comma into an ASCII one), with the exact and English chains and
 * StandardAnalyzer for scale. One operation analyses the whole sample; JMH forks, warms up and
 * reports the mean with its error, so the ratio of two rows is the cost of the difference.
 *
 * <p>The sample is every k-th passage with Han characters of the harness's prepared passage file
 * (run the harness once first; it writes {@code passages.bin} into its work folder):
 *
 * <pre>
 * cd bench && mvn -B -q compile
 * java -cp ../target/policy-search.jar:target/classes:$(cat target/jmh.classpath) org.openjdk.jmh.Main AnalysisChainsBench \
 *     -jvmArgsAppend -Dbench.passages=/tmp/policy-search-bench/passages.bin
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class AnalysisChainsBench {
  @Param({"zh", "zh-ascii-punctuation", "exact", "en", "standard"})
  public String chain;

  /** How many passages with Han characters the sample holds (spread evenly over the file). */
  @Param({"4000"})
  public int passages;

  private List<String> sample;
  private Analyzer analyzer;

  @Setup
  public void setup() throws IOException {
    String file = System.getProperty("bench.passages");
    if (file == null || !Files.isRegularFile(Path.of(file))) {
      throw new IllegalStateException("-Dbench.passages=FILE: the passages.bin the benchmark harness prepared (got " + file + ")");
    }
    List<String> han = new ArrayList<>();
    for (PassageFile.Doc d : PassageFile.read(Path.of(file))) {
      for (PassageFile.Psg p : d.passages()) if (Scripts.countHan(p.text()) > 0) han.add(p.text());
    }
    int step = Math.max(1, han.size() / passages);
    sample = new ArrayList<>();
    for (int i = 0; i < han.size() && sample.size() < passages; i += step) sample.add(han.get(i));
    analyzer = switch (chain) {
      case "zh" -> Analyzers.chineseWords();
      case "zh-ascii-punctuation" -> chineseWordsBeforeTheFix();
      case "exact" -> Analyzers.exact();
      case "en" -> Analyzers.englishStemmed();
      case "standard" -> new StandardAnalyzer();
      default -> throw new IllegalArgumentException("unknown chain " + chain);
    };
  }

  /** The Chinese words chain with plain NFKC (ASCII punctuation reaches smartcn), as it was before issue 7's last round. */
  private static Analyzer chineseWordsBeforeTheFix() {
    try {
      return CustomAnalyzer.builder()
          .addCharFilter(NfkcCharFilterFactory.class, new HashMap<>(Map.of()))
          .withTokenizer(HMMChineseTokenizerFactory.class, new HashMap<>())
          .addTokenFilter(LowerCaseFilterFactory.class, new HashMap<>())
          .addTokenFilter(DropNonWordsFilterFactory.class, new HashMap<>())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Analyses the whole sample; returns the token count so that nothing is optimised away. */
  @Benchmark
  public long analyseSample() throws IOException {
    return analyse(analyzer, sample);
  }

  /** Runs the analyzer over every text; returns the token count. */
  static long analyse(Analyzer analyzer, List<String> sample) throws IOException {
    long tokens = 0;
    for (String text : sample) {
      try (TokenStream ts = analyzer.tokenStream("f", text)) {
        ts.reset();
        while (ts.incrementToken()) tokens++;
        ts.end();
      }
    }
    return tokens;
  }
}
