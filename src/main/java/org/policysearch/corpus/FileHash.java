package org.policysearch.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A file's content hash: how an incremental run tells a changed file from an unchanged one. */
public final class FileHash {
  private FileHash() {}

  /** The SHA-256 of the file's bytes, in lower-case hex. */
  public static String sha256(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      for (int r; (r = in.read(buf)) != -1; ) md.update(buf, 0, r);
      StringBuilder b = new StringBuilder();
      for (byte x : md.digest()) b.append(String.format("%02x", x));
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
