package org.policysearch.cli;

import java.io.IOException;
import org.policysearch.index.IndexHealth;

/** The one sentence a damaged index gets, with the way out, and the check before an index is answered from. */
final class DamagedIndexes {
  private DamagedIndexes() {}

  static String sentence(CommonOptions common, String what) {
    return "the index " + common.index + " is damaged (" + what + ") and is not searched: rebuild it from your documents with "
        + "policy-search index --corpus " + common.corpus + " --index " + common.index;
  }

  /** Ends the command with exit code 3 when the cheap check ({@link IndexHealth#verify}) finds damage. */
  static void refuseIfDamaged(CommonOptions common) {
    IndexHealth.Damage d;
    try {
      d = IndexHealth.verify(common.index);
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, "cannot read the index " + common.index + ": " + e.getMessage());
    }
    if (d != null) throw new CliException(ExitCodes.CANNOT_RUN, sentence(common, d.toString()));
  }

  /**
   * When reading the index failed: the damage sentence if the index is damaged (what Lucene threw
   * says so, or, since damaged bytes can also surface as an out-of-bounds index or the like, a full
   * CheckIndex finds damage), else null: the failure is something else.
   */
  static CliException explain(CommonOptions common, Exception e) {
    if (isDamage(e)) return new CliException(ExitCodes.CANNOT_RUN, sentence(common, IndexHealth.brief(e)));
    try {
      IndexHealth.Report r = IndexHealth.fullCheck(common.index);
      if (!r.clean()) return new CliException(ExitCodes.CANNOT_RUN, sentence(common, r.damage().get(0).toString()));
    } catch (IOException | RuntimeException checkFailed) {
      return null;
    }
    return null;
  }

  /** True for what Lucene throws when a file it reads does not hold what it wrote. */
  static boolean isDamage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.lucene.index.CorruptIndexException || t instanceof java.io.EOFException
          || t instanceof org.apache.lucene.index.IndexFormatTooOldException
          || t instanceof org.apache.lucene.index.IndexFormatTooNewException) {
        return true;
      }
    }
    return false;
  }
}
