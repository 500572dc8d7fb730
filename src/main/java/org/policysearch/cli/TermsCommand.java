package org.policysearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code policy-search terms}: the glossary's concordance (filled in by the glossary work). */
@Command(name = "terms", mixinStandardHelpOptions = true, description = "List glossary concepts with counts, or one concept's concordance.")
final class TermsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException(ExitCodes.CANNOT_RUN, "terms: not built yet");
  }
}
