package org.policysearch.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the corpus folder and its subfolders (java.nio WatchService registers one folder at a
 * time, so new subfolders are registered as they appear) and calls {@code onChange} once the
 * changes have settled for the debounce time, on its own daemon thread: searches go on meanwhile.
 * Changes under {@code ignored} (an index folder kept inside the corpus) do not count.
 */
public final class CorpusWatcher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
  private final Path root;
  private final Path ignored;
  private final Duration debounce;
  private final Consumer<Set<String>> onChange;
  private final WatchService ws;
  private final Map<WatchKey, Path> keys = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  public CorpusWatcher(Path root, Path ignored, Duration debounce, Runnable onChange) throws IOException {
    this(root, ignored, debounce, changed -> onChange.run());
  }

  /**
   * @param onChange receives the paths (relative to root, '/' between names) that changed since
   *     the last call: files or folders created, modified or deleted; null when the watcher lost
   *     track (an overflow of events), so that everything must be checked
   */
  public CorpusWatcher(Path root, Path ignored, Duration debounce, Consumer<Set<String>> onChange) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.ignored = ignored == null ? null : ignored.toAbsolutePath().normalize();
    this.debounce = debounce;
    this.onChange = onChange;
    this.ws = FileSystems.getDefault().newWatchService();
    registerTree(this.root);
    this.thread = new Thread(this::loop, "corpus-watcher");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void registerTree(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        if (isIgnored(d)) return FileVisitResult.SKIP_SUBTREE;
        WatchKey k = d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
        synchronized (keys) {
          keys.put(k, d);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private boolean isIgnored(Path p) {
    return ignored != null && p.toAbsolutePath().normalize().startsWith(ignored);
  }

  private void loop() {
    long dirtySince = 0, lastEvent = 0;
    Set<String> changed = new TreeSet<>();
    boolean lost = false;
    while (!closed) {
      WatchKey key;
      // idle: wake every 200 ms to notice close(); after a change: wake when the debounce time is up
      long waitNanos = dirtySince == 0 ? TimeUnit.MILLISECONDS.toNanos(200)
          : Math.max(TimeUnit.MILLISECONDS.toNanos(1), lastEvent + debounce.toNanos() - System.nanoTime());
      try {
        key = ws.poll(waitNanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      long now = System.nanoTime();
      if (key != null) {
        Path dir;
        synchronized (keys) {
          dir = keys.get(key);
        }
        for (WatchEvent<?> ev : key.pollEvents()) {
          if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
            lastEvent = now;
            lost = true;
            continue;
          }
          if (dir == null) continue;
          Path child = dir.resolve((Path) ev.context());
          if (isIgnored(child)) continue;
          changed.add(root.relativize(child.toAbsolutePath().normalize()).toString().replace('\\', '/'));
          if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
            try {
              registerTree(child);
            } catch (IOException e) {
              LOG.warn("cannot watch {}: {}", child, e.getMessage());
            }
          }
          lastEvent = now;
        }
        if (!key.reset()) {
          synchronized (keys) {
            keys.remove(key);
          }
        }
        if (lastEvent == now && dirtySince == 0) dirtySince = now;
      }
      if (dirtySince != 0 && now - lastEvent >= debounce.toNanos()) {
        dirtySince = 0;
        Set<String> batch = lost ? null : Set.copyOf(changed);
        changed.clear();
        lost = false;
        try {
          onChange.accept(batch);
        } catch (RuntimeException e) {
          LOG.error("re-indexing after a change in {} failed", root, e);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    ws.close();
    thread.interrupt();
  }
}
