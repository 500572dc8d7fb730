package org.policysearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>The hash is skipped (issue 20: a server's start with a current index hashed 17,843 files)
 * when the file's size and modification time are still those the index recorded when it hashed
 * the file, its {@link #stamp}. As in Git's racy-clean rule, a stamp is recorded only for a file
 * last modified more than {@link #RACY_MS} before it was hashed, so a write in the same clock
 * tick as the hash cannot hide behind an equal stamp; such a file is hashed again next run.
 */
public final class FileDecision {
  private FileDecision() {}

  /** A file modified this recently before its hash gets no stamp (file systems with coarse clocks, writes in flight). */
  static final long RACY_MS = 3_000;

  /**
   * The file as the index holds it; the stored extraction is read only when a re-tag needs it.
   *
   * @param stamp size and modification time when the hash was taken, null to hash the file
   */
  public record Indexed(String docId, String sha256, String stamp, IOSupplier<byte[]> extraction) {}

  public enum Action { UNCHANGED, RETAG, CHANGED }

  /**
   * @param sha256 the content hash the decision saw (or the index's, when the stamp spared the hash)
   * @param modified the modification time read just before the hash (null when unreadable):
   *     extraction checks that the file still has both
   * @param stamp the stamp to record with this hash, null when the file is too recent to trust one
   */
  public record Decision(Action action, String sha256, FileTime modified, String stamp) {}

  /** Decides from the file's stamp, else its hash; an IOException means the file could not be read (or is gone). */
  static Decision decide(SourceFile f, Indexed indexed, boolean retagAll) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(f.path(), BasicFileAttributes.class); // before the hash: any later write moves it
    FileTime modified = attrs.lastModifiedTime();
    String stamp = stamp(attrs, System.currentTimeMillis());
    boolean sameFile = indexed != null && indexed.docId().equals(f.docId());
    if (sameFile && stamp != null && stamp.equals(indexed.stamp())) {
      return new Decision(retagAll ? Action.RETAG : Action.UNCHANGED, indexed.sha256(), modified, stamp);
    }
    String sha = FileHash.sha256(f.path());
    if (!sameFile || !indexed.sha256().equals(sha)) return new Decision(Action.CHANGED, sha, modified, stamp);
    return new Decision(retagAll ? Action.RETAG : Action.UNCHANGED, sha, modified, stamp);
  }

  /**
   * "size/modification time in microseconds", or null for a file modified less than
   * {@link #RACY_MS} before {@code now} (or in the future).
   */
  static String stamp(BasicFileAttributes attrs, long now) {
    long mtime = attrs.lastModifiedTime().toMillis();
    if (mtime > now - RACY_MS) return null;
    return attrs.size() + "/" + attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS);
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
