package org.policysearch.bench;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
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
import org.policysearch.analysis.ScriptFolding;
import org.policysearch.analysis.Scripts;

/**
 * What Traditional-to-Simplified folding adds to indexing (issue 15): the folding pass alone
 * ({@code fold}: {@link ScriptFolding#fold(String)}, the same table lookup per character the char
 * filter of every chain now makes) against the two chains that see Chinese ({@code exact},
 * {@code zh}), over the same passages, in Simplified (the laws of the benchmark corpus as they are)
 * and in Traditional (the same passages converted with ICU's Simplified-Traditional transform).
 * The chains include the fold; the fold row is its cost.
 *
 * <pre>
 * mkdir -p /tmp/laws && tar -xzf ../shared/bench-corpus/laws-zh.tar.gz -C /tmp/laws
 * cd bench && mvn -B -q compile
 * java -cp ../target/policy-search.jar:target/classes:$(cat target/jmh.classpath) org.openjdk.jmh.Main ScriptFoldingBench \
 *     -jvmArgsAppend -Dbench.texts=/tmp/laws
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ScriptFoldingBench {
  @Param({"simplified", "traditional"})
  public String script;

  /** Passages with Han characters in the sample (paragraphs spread evenly over the files). */
  @Param({"4000"})
  public int passages;

  private List<String> sample;
  private final Analyzer exact = Analyzers.exact(), zh = Analyzers.chineseWords();

  @Setup
  public void setup() throws IOException {
    String dir = System.getProperty("bench.texts");
    if (dir == null || !Files.isDirectory(Path.of(dir))) {
      throw new IllegalStateException("-Dbench.texts=DIR: a folder of Chinese text or Markdown files, such as the extracted laws-zh archive (got " + dir + ")");
    }
    List<String> han = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(dir))) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        String n = p.getFileName().toString();
        if (!n.endsWith(".md") && !n.endsWith(".txt")) continue;
        for (String para : Files.readString(p).split("\n\\s*\n")) if (Scripts.countHan(para) > 0) han.add(para.strip());
      }
    }
    int step = Math.max(1, han.size() / passages);
    sample = new ArrayList<>();
    Transliterator s2t = script.equals("traditional") ? Transliterator.getInstance("Simplified-Traditional") : null;
    for (int i = 0; i < han.size() && sample.size() < passages; i += step) sample.add(s2t == null ? han.get(i) : s2t.transliterate(han.get(i)));
  }

  @Benchmark
  public long fold() {
    long n = 0;
    for (String text : sample) n += ScriptFolding.fold(text).hashCode();
    return n;
  }

  @Benchmark
  public long exactChain() throws IOException {
    return analyse(exact);
  }

  @Benchmark
  public long zhChain() throws IOException {
    return analyse(zh);
  }

  private long analyse(Analyzer analyzer) throws IOException {
    return AnalysisChainsBench.analyse(analyzer, sample);
  }
}
