package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The entries a query matched in one index generation, kept as a bit set per segment, answered
 * again without looking up a term: the passages of every copy (issue 17), excluded from every
 * search, are hundreds of document ids, and looking each up in each segment cost 30 ms a request
 * on the benchmark corpus (issue 20). Valid for the reader it was built on only; the embedded
 * backend builds one per generation ({@link GenerationCaches}).
 */
final class DocSetFilter extends Query {
  private final IndexReader reader;
  private final List<FixedBitSet> bits;
  private final String description;

  private DocSetFilter(IndexReader reader, List<FixedBitSet> bits, String description) {
    this.reader = reader;
    this.bits = bits;
    this.description = description;
  }

  /** Runs the query once over every segment of the searcher's reader and keeps what it matched. */
  static DocSetFilter of(IndexSearcher s, Query q, String description) throws IOException {
    Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<FixedBitSet> out = new ArrayList<>();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      FixedBitSet b = new FixedBitSet(leaf.reader().maxDoc());
      Scorer scorer = w.scorer(leaf);
      if (scorer != null) {
        DocIdSetIterator it = scorer.iterator();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) b.set(d);
      }
      out.add(b);
    }
    return new DocSetFilter(s.getIndexReader(), out, description);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    if (searcher.getIndexReader() != reader) throw new IllegalStateException("a filter of another index generation");
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) {
        FixedBitSet b = bits.get(context.ord);
        int n = b.cardinality();
        return n == 0 ? null : new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(b, n));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return description;
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
