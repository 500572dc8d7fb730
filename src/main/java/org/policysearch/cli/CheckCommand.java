package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import org.policysearch.index.IndexHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code policy-search check}: is the index whole? Lucene's CheckIndex over the last commit, and what is damaged. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check the index folder with Lucene's CheckIndex: every file's checksum, then every segment decoded.",
        "Prints what is damaged. Exit codes: 0 the index is whole, 3 damaged, missing or in use (rebuild with index)."})
final class CheckCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--verbose", description = "Also print CheckIndex's own report.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    IndexHealth.Report r;
    try {
      if (!IndexHealth.exists(common.index)) {
        throw new CliException(ExitCodes.CANNOT_RUN, "there is no index in " + common.index + ": build one with policy-search index --corpus "
            + common.corpus + " --index " + common.index);
      }
      long t0 = System.nanoTime();
      IndexHealth.Damage quick = IndexHealth.verify(common.index);
      out.printf("quick check (the commit point, file footers and checksums, as on every open): %s (%.2f s)%n",
          quick == null ? "OK" : "DAMAGED, " + quick, (System.nanoTime() - t0) / 1e9);
      r = IndexHealth.fullCheck(common.index);
    } catch (LockObtainFailedException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, "the index " + common.index
          + " is being written by another policy-search process: run check again when that run has finished");
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, "cannot read the index " + common.index + ": " + e.getMessage());
    }
    if (verbose) out.print(r.log());
    out.printf("full check (Lucene CheckIndex): %d segments, %d records, %.2f s: %s%n", r.segments(), r.documents(), r.seconds(),
        r.clean() ? "OK" : "DAMAGED");
    for (IndexHealth.Damage d : r.damage()) out.println("  DAMAGED " + d);
    if (!r.clean()) throw new CliException(ExitCodes.CANNOT_RUN, DamagedIndexes.sentence(common, r.damage().get(0).toString()));
    return ExitCodes.OK;
  }
}
