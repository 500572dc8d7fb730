package org.policysearch.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/** Index folders as a failing disk or a bad copy leaves them. */
public final class IndexFiles {
  private IndexFiles() {}

  /** Copies the files of a folder (not the lock) into a new folder. */
  public static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().equals("write.lock")) continue;
        Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return to;
  }

  /** The largest file of the folder. */
  public static Path largest(Path index) throws IOException {
    try (Stream<Path> s = Files.list(index)) {
      return s.filter(Files::isRegularFile).max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
  }

  /** Overwrites 4 KB of random bytes in the middle of the largest file, as a failing disk does; returns that file. */
  public static Path damageLargest(Path index, long seed) throws IOException {
    Path f = largest(index);
    long size = Files.size(f);
    if (size < 3 * 4096) throw new IllegalStateException(f + " is too small to damage in the middle: " + size + " bytes");
    byte[] junk = new byte[4096];
    new Random(seed).nextBytes(junk);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.seek(size / 2 - 2048);
      raf.write(junk);
    }
    return f;
  }
}
