package org.policysearch.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks a corpus folder (following symlinks that stay inside it, reporting loops and the ones that
 * lead out) and lists its documents in a stable
 * order. Configuration files are not documents: {@code SOURCES.tsv}, the folder's
 * {@code README.md}, the glossary, and hidden files.
 */
public final class CorpusScanner {
  public static final String SOURCES_FILE = "SOURCES.tsv";
  public static final String GLOSSARY_FILE = "glossary.tsv";

  private final Path root;
  private final Set<Path> excluded;
  private Path realRoot;

  /** @param excluded further files that are configuration (for example a glossary passed with --glossary) */
  public CorpusScanner(Path root, Set<Path> excluded) {
    this.root = root.toAbsolutePath().normalize();
    Set<Path> ex = new HashSet<>();
    for (Path p : excluded) ex.add(p.toAbsolutePath().normalize());
    this.excluded = ex;
  }

  public CorpusScan scan() throws IOException {
    if (!Files.isDirectory(root)) throw new IOException("corpus folder does not exist or is not a folder: " + root);
    realRoot = root.toRealPath();
    TreeMap<String, Path> found = new TreeMap<>();
    Map<String, Long> sizes = new HashMap<>();
    List<ScanProblem> problems = new ArrayList<>();
    Map<String, SourceMetadata> metadata = new HashMap<>();
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
        if (!dir.equals(root) && !insideRoot(dir)) {
          problems.add(new ScanProblem(relative(dir), "symlink to a folder outside the corpus folder (not followed)"));
          return FileVisitResult.SKIP_SUBTREE;
        }
        Path sources = dir.resolve(SOURCES_FILE);
        if (Files.isRegularFile(sources)) {
          try {
            metadata.putAll(SourcesTsv.read(sources, relative(dir)));
          } catch (IOException | RuntimeException e) {
            problems.add(new ScanProblem(relative(sources), "cannot read metadata: " + e.getMessage()));
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String name = file.getFileName().toString();
        if (!attrs.isRegularFile() || name.startsWith(".") || isConfiguration(file)) return FileVisitResult.CONTINUE;
        // a file in a folder already found inside can only lead out through a link of its own
        // (resolving every path would cost a system call per folder level per file: issue 20)
        if (Files.isSymbolicLink(file) && !insideRoot(file)) {
          problems.add(new ScanProblem(relative(file), "symlink to a file outside the corpus folder (not followed)"));
          return FileVisitResult.CONTINUE;
        }
        String rel = relative(file);
        found.put(rel, file);
        sizes.put(rel, attrs.size());
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        String reason = e instanceof FileSystemLoopException ? "symlink loop (not followed)" : "cannot read: " + e;
        problems.add(new ScanProblem(relative(file), reason));
        return FileVisitResult.CONTINUE;
      }
    });
    List<SourceFile> files = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, Path> e : found.entrySet()) {
      String id = slug(e.getKey());
      String unique = id;
      for (int n = 2; !ids.add(unique); n++) unique = id + "-" + n;
      files.add(new SourceFile(e.getValue(), e.getKey(), unique, sizes.get(e.getKey())));
    }
    return new CorpusScan(files, metadata, problems);
  }

  /** Symlinks are followed only where they stay inside the corpus folder, the same rule /files applies. */
  private boolean insideRoot(Path p) {
    try {
      return p.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean isConfiguration(Path file) {
    String name = file.getFileName().toString();
    if (excluded.contains(file.toAbsolutePath().normalize())) return true;
    if (name.equals(SOURCES_FILE) || name.equals(GLOSSARY_FILE)) return true;
    // the corpus folder's own README describes the folder; READMEs deeper down are documents
    return name.equalsIgnoreCase("README.md") && file.getParent().equals(root);
  }

  private String relative(Path p) {
    return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /**
   * A readable id from a relative path: letters (Chinese included) and digits lower-cased, every
   * other run of characters one hyphen. "法律/网络安全法 (2016).pdf" becomes "法律-网络安全法-2016-pdf".
   */
  public static String slug(String source) {
    String s = Normalizer.normalize(source, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    boolean dash = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        b.appendCodePoint(cp);
        dash = false;
      } else if (!dash && b.length() > 0) {
        b.append('-');
        dash = true;
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '-') b.setLength(b.length() - 1);
    if (b.length() > 120) b.setLength(120);
    return b.length() == 0 ? "doc" : b.toString();
  }

  /** Reads a whole small text file (metadata helpers). */
  static String readText(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
