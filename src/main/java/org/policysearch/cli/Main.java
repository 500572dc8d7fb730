package org.policysearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** policy-search: bilingual full-text search for policy documents. */
@Command(name = "policy-search", mixinStandardHelpOptions = true, version = "policy-search 0.1.0",
    description = "Bilingual (English + Chinese) full-text search for policy documents.",
    subcommands = {IndexCommand.class, SearchCommand.class, CheckCommand.class, TermsCommand.class, ServeCommand.class, SolrConfigsetCommand.class, ClassArchiveCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this in-process). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof CliException ce) {
        cmd.getErr().println("policy-search: " + ce.getMessage());
        return ce.exitCode();
      }
      cmd.getErr().println("policy-search: unexpected error: " + ex);
      return ExitCodes.CANNOT_RUN;
    });
    return cl.execute(args);
  }
}
