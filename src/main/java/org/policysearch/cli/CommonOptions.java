package org.policysearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.policysearch.terms.Glossary;
import org.policysearch.terms.GlossaryLoader;
import picocli.CommandLine.Option;

/** Options every command shares: where the documents, the index and the glossary are. */
public final class CommonOptions {
  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of documents (default: ${DEFAULT-VALUE}).", defaultValue = "corpus")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).", defaultValue = "index")
  Path index;

  @Option(names = "--glossary", paramLabel = "FILE",
      description = "Glossary TSV (default: glossary.tsv in the corpus folder, else the built-in glossary).")
  Path glossary;

  /** The glossary file in use, or null for the built-in one. */
  Path glossaryFile() {
    if (glossary != null) return glossary;
    Path inCorpus = corpus.resolve("glossary.tsv");
    return Files.isRegularFile(inCorpus) ? inCorpus : null;
  }

  Glossary loadGlossary() {
    Path f = glossaryFile();
    try {
      if (f != null) {
        if (!Files.isRegularFile(f)) throw new CliException(ExitCodes.CANNOT_RUN, "glossary file not found: " + f);
        return GlossaryLoader.load(f);
      }
      try (InputStream in = CommonOptions.class.getResourceAsStream("/glossary.tsv")) {
        if (in == null) return Glossary.empty();
        return GlossaryLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in glossary.tsv");
      }
    } catch (IOException e) {
      throw new CliException(ExitCodes.CANNOT_RUN, "cannot read the glossary " + f + ": " + e.getMessage());
    }
  }
}
