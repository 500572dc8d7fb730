package org.policysearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code policy-search serve}: the web server. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the search API and web pages.")
final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException(ExitCodes.CANNOT_RUN, "serve: not built yet");
  }
}
