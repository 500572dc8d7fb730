package org.policysearch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The original files behind {@code /files/{source}}: only regular files whose real path (symbolic
 * links resolved) lies inside the corpus folder's real path. Encoded dots and slashes, backslashes,
 * absolute paths, empty, "." and ".." segments and control characters are refused before any
 * file system call.
 */
public final class CorpusFiles {
  private final Path corpus;

  public CorpusFiles(Path corpus) {
    this.corpus = corpus;
  }

  /**
   * The file for a request.
   *
   * @param rawPath the path as the client sent it, still percent-encoded (after the "/files/" prefix)
   * @param source the same path decoded
   */
  public Optional<Path> resolve(String rawPath, String source) {
    if (rawPath == null || source == null || source.isEmpty() || source.length() > 1000) return Optional.empty();
    String raw = rawPath.toLowerCase(Locale.ROOT);
    if (raw.contains("%2e") || raw.contains("%2f") || raw.contains("%5c") || raw.contains("%00")) {
      return Optional.empty();
    }
    if (source.startsWith("/") || source.contains("\\") || source.contains(":")) return Optional.empty();
    for (int i = 0; i < source.length(); i++) if (Character.isISOControl(source.charAt(i))) return Optional.empty();
    for (String seg : source.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) return Optional.empty();
    }
    try {
      Path root = corpus.toRealPath();
      Path p = root.resolve(source).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p)) return Optional.empty();
      Path real = p.toRealPath();
      if (!real.startsWith(root) || !Files.isRegularFile(real)) return Optional.empty();
      return Optional.of(real);
    } catch (IOException | InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** How a corpus file is sent: its type, and whether it must be rendered inert (markup that could run scripts). */
  public record Delivery(String contentType, boolean sandbox, boolean attachment) {}

  public static Delivery delivery(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".pdf")) return new Delivery("application/pdf", false, false);
    if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) return new Delivery("text/html; charset=utf-8", true, false);
    if (n.endsWith(".svg") || n.endsWith(".xml")) return new Delivery("text/plain; charset=utf-8", true, false);
    if (n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".tsv") || n.endsWith(".csv")) {
      return new Delivery("text/plain; charset=utf-8", true, false);
    }
    if (n.endsWith(".docx")) return new Delivery("application/vnd.openxmlformats-officedocument.wordprocessingml.document", true, true);
    if (n.endsWith(".doc")) return new Delivery("application/msword", true, true);
    return new Delivery("application/octet-stream", true, true);
  }
}
