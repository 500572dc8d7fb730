package org.policysearch.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The static UI (HTML, CSS, JavaScript modules): read from a folder when it has an index.html
 * (the {@code --web} option, so pages can be edited without a rebuild), otherwise from the copy
 * packaged in the jar under {@code /web}. Names are checked against a strict pattern first: no
 * segment may start with a dot, so nothing can climb out of the folder.
 */
public final class WebAssets {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,100}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,100}){0,5}");
  private final Path dir;

  private WebAssets(Path dir) {
    this.dir = dir;
  }

  /** The folder if it holds the UI, else the classpath copy. */
  public static WebAssets of(Path dir) {
    if (dir != null && Files.isRegularFile(dir.resolve("index.html"))) {
      try {
        return new WebAssets(dir.toRealPath());
      } catch (IOException e) {
        return new WebAssets(null);
      }
    }
    return new WebAssets(null);
  }

  /** Where the pages come from, for the start-up log. */
  public String describe() {
    return dir == null ? "the copy packaged in the jar" : dir.toString();
  }

  /** The bytes of a file of the UI, e.g. "js/search.js"; empty when there is no such file or the name is not plain. */
  public Optional<byte[]> read(String name) throws IOException {
    if (name == null || !SAFE.matcher(name).matches()) return Optional.empty();
    if (dir != null) {
      Path p = dir.resolve(name).normalize();
      if (!p.startsWith(dir) || !Files.isRegularFile(p)) return Optional.empty();
      Path real = p.toRealPath();
      if (!real.startsWith(dir)) return Optional.empty();
      return Optional.of(Files.readAllBytes(real));
    }
    try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }

  /** Content types of the UI's files. */
  public static String contentType(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".html")) return "text/html; charset=utf-8";
    if (n.endsWith(".js") || n.endsWith(".mjs")) return "text/javascript; charset=utf-8";
    if (n.endsWith(".css")) return "text/css; charset=utf-8";
    if (n.endsWith(".json")) return "application/json";
    if (n.endsWith(".svg")) return "image/svg+xml";
    if (n.endsWith(".png")) return "image/png";
    if (n.endsWith(".ico")) return "image/x-icon";
    if (n.endsWith(".woff2")) return "font/woff2";
    if (n.endsWith(".txt") || n.endsWith(".md")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
  }
}
