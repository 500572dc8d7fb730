package org.policysearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.IOSupplier;
import org.policysearch.corpus.CorpusScan;
import org.policysearch.corpus.FileHash;
import org.policysearch.corpus.SourceFile;

/**
 * What a run does with a scanned file, from what the index holds of it, the same for both
 * backends: a file whose content hash and document id match its indexed version is unchanged
 * (re-tagged from its stored extraction when the glossary or schema changed); any other file is
 * changed (new, edited or renamed) and is extracted again. Files the index holds that the scan no
 * longer finds are {@link #gone}.
 */
public final class FileDecision {
  private FileDecision() {}

  /** The file as the index holds it; the stored extraction is read only when a re-tag needs it. */
  public record Indexed(String docId, String sha256, IOSupplier<byte[]> extraction) {}

  public enum Action { UNCHANGED, RETAG, CHANGED }

  /**
   * @param sha256 the content hash the decision saw
   * @param modified the modification time read just before the hash (null when unreadable):
   *     extraction checks that the file still has both
   */
  public record Decision(Action action, String sha256, FileTime modified) {}

  /** Decides from the file's hash; an IOException means the file could not be read (or is gone). */
  static Decision decide(SourceFile f, Indexed indexed, boolean retagAll) throws IOException {
    FileTime modified = modified(f); // before the hash: any later write moves it
    String sha = FileHash.sha256(f.path());
    boolean same = indexed != null && indexed.sha256().equals(sha) && indexed.docId().equals(f.docId());
    if (!same) return new Decision(Action.CHANGED, sha, modified);
    return new Decision(retagAll ? Action.RETAG : Action.UNCHANGED, sha, modified);
  }

  /** The entries of a previous run (keyed by source path) whose file is no longer in the scan. */
  public static <E> List<E> gone(CorpusScan scan, Map<String, E> bySource) {
    Set<String> present = new HashSet<>();
    for (SourceFile f : scan.files()) present.add(f.source());
    List<E> out = new ArrayList<>();
    for (Map.Entry<String, E> e : bySource.entrySet()) if (!present.contains(e.getKey())) out.add(e.getValue());
    return out;
  }

  /** The file's modification time, or null when it cannot be read (the hash then says why). */
  static FileTime modified(SourceFile f) {
    try {
      return Files.getLastModifiedTime(f.path());
    } catch (IOException e) {
      return null;
    }
  }
}
