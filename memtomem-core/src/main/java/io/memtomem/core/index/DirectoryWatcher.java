package io.memtomem.core.index;

import io.memtomem.core.scope.MemoryDirScope;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.SourcePaths;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index current while a server runs (memory-core.md §4.5). {@link WatchService} is not recursive, so every
 * directory under the memory dirs is registered, including ones created later. Changed paths collect in a set of at
 * most 1,000; once no event arrived for the debounce window (1.5 s) each path is re-indexed: a deleted file loses its
 * chunks, a moved file is a delete plus a create, and a deleted directory purges the sources that were under it.
 * Changes beyond that (a sync writing thousands of files) or an overflow of the OS's event queue are not dropped, as
 * the reference does: the memory dir they are in is rescanned instead (an incremental index of the whole dir), and
 * {@link #report()} tells {@code mem_status} so.
 * Only files whose real location is inside the watched dirs are indexed ({@link MemoryDirScope}): a symbolic link to a
 * file outside is not followed. A memory dir that does not exist yet (a fresh store before its first {@code mem_add}) is looked for again every
 * {@link #MISSING_ROOT_RECHECK} and watched from the moment it appears.
 */
public final class DirectoryWatcher implements FileWatcher {
    public static final Duration DEBOUNCE = Duration.ofMillis(1500);
    static final int MAX_PENDING = 1000;
    static final Duration MISSING_ROOT_RECHECK = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final Indexer indexer;
    private final ChunkStore store;
    private final Duration debounce;
    private final MemoryDirScope scope;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Set<Path> pending = new LinkedHashSet<>();
    private final Set<Path> missingRoots = new LinkedHashSet<>();
    private long lastMissingRootCheckNanos;
    private final Thread thread;
    private long lastEventNanos;
    private final Set<Path> rescanDirs = new LinkedHashSet<>();
    private volatile WatcherReport report = WatcherReport.NONE;
    private volatile boolean running = true;

    private DirectoryWatcher(Indexer indexer, ChunkStore store, List<Path> roots, Duration debounce)
            throws IOException {
        this.indexer = indexer;
        this.store = store;
        this.debounce = debounce;
        this.scope = new MemoryDirScope(roots);
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::run, "memtomem-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching the existing roots; a missing root is watched once it appears. */
    public static DirectoryWatcher start(Indexer indexer, ChunkStore store, List<Path> roots, Duration debounce)
            throws IOException {
        DirectoryWatcher watcher = new DirectoryWatcher(indexer, store, roots, debounce);
        for (Path root : roots) {
            Path canonical = SourcePaths.canonical(root);
            if (Files.isDirectory(canonical)) {
                watcher.registerTree(canonical, false);
            } else {
                LOG.info("memory dir {} does not exist yet; watching for it", canonical);
                watcher.missingRoots.add(canonical);
            }
        }
        watcher.thread.start();
        return watcher;
    }

    /** Overflows and rescans so far; safe to call from any thread. */
    @Override
    public WatcherReport report() {
        return report;
    }

    @Override
    public void close() {
        running = false;
        try {
            service.close();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                WatchKey key = service.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    handle(key);
                }
                if (!pending.isEmpty() && System.nanoTime() - lastEventNanos >= debounce.toNanos()) {
                    flush();
                }
                registerAppearedRoots();
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            // close() was called
        } catch (RuntimeException e) {
            LOG.error("file watcher stopped after an unexpected error", e);
        }
    }

    private void handle(WatchKey key) {
        Path dir = directories.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                if (dir != null) {
                    scope.dirOf(SourcePaths.canonical(dir)).ifPresent(this::overflowed);
                }
                continue;
            }
            if (dir != null) {
                changed(dir.resolve((Path) event.context()), event.kind());
            }
        }
        if (!key.reset()) {
            directories.remove(key);
        }
    }

    private void changed(Path path, WatchEvent.Kind<?> kind) {
        if (kind == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!ExclusionRules.isExcludedDirectoryName(path.getFileName().toString())) {
                registerTree(path, true);
            }
        } else if (kind == StandardWatchEventKinds.ENTRY_DELETE) {
            enqueue(path);
            store.sourcesUnder(path).stream().map(Path::of).forEach(this::enqueue);
        } else {
            enqueue(path);
        }
    }

    private void enqueue(Path path) {
        lastEventNanos = System.nanoTime();
        if (pending.contains(path) || !indexer.isIndexable(path)) {
            return;
        }
        Optional<Path> memoryDir = scope.dirOf(SourcePaths.canonical(path));
        if (memoryDir.isEmpty()) {
            LOG.debug("not indexing {}: it leads outside the memory dirs", path);
            return;
        }
        if (rescanDirs.contains(memoryDir.get())) {
            return; // the rescan at the next flush covers it
        }
        if (pending.size() >= MAX_PENDING) {
            overflowed(memoryDir.get());
            return;
        }
        pending.add(path);
    }

    /** Too many changes to follow one by one: the whole memory dir is rescanned at the next flush. */
    private void overflowed(Path memoryDir) {
        lastEventNanos = System.nanoTime();
        if (rescanDirs.add(memoryDir)) {
            LOG.warn("more than {} changed files at once under {}; rescanning it when the changes settle",
                    MAX_PENDING, memoryDir);
        }
        WatcherReport last = report;
        report = new WatcherReport(last.overflows() + 1, Instant.now(), true, last.rescannedDirs(),
                last.filesRescanned());
    }

    private void flush() {
        List<Path> rescans = List.copyOf(rescanDirs);
        List<Path> batch = pending.stream()
                .filter(path -> rescans.stream().noneMatch(dir -> SourcePaths.canonical(path).startsWith(dir)))
                .toList();
        pending.clear();
        rescanDirs.clear();
        for (Path path : batch) {
            try {
                indexer.refresh(path);
            } catch (RuntimeException e) {
                LOG.warn("re-indexing {} after a change failed: {}", path, e.getMessage());
            }
        }
        if (!rescans.isEmpty()) {
            rescan(rescans);
        }
    }

    private void rescan(List<Path> dirs) {
        int files = 0;
        for (Path dir : dirs) {
            try {
                files += indexer.index(new IndexRequest(dir, true, false, null), null).filesScanned();
            } catch (RuntimeException e) {
                LOG.warn("rescanning {} after a watcher overflow failed: {}", dir, e.getMessage());
            }
        }
        LOG.info("rescanned {} ({} files) after a watcher overflow", dirs, files);
        WatcherReport last = report;
        report = new WatcherReport(last.overflows(), last.lastOverflow(), !rescanDirs.isEmpty(), dirs, files);
    }

    private void registerAppearedRoots() {
        if (missingRoots.isEmpty() || System.nanoTime() - lastMissingRootCheckNanos < MISSING_ROOT_RECHECK.toNanos()) {
            return;
        }
        lastMissingRootCheckNanos = System.nanoTime();
        for (var it = missingRoots.iterator(); it.hasNext(); ) {
            Path root = it.next();
            if (Files.isDirectory(root)) {
                it.remove();
                registerTree(root, true);
            }
        }
    }

    /** Registers a directory and its subdirectories; files found in a newly created tree are queued too. */
    private void registerTree(Path top, boolean queueFiles) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(top) && ExclusionRules.isExcludedDirectoryName(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    directories.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (queueFiles && attrs.isRegularFile()) {
                        enqueue(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    LOG.warn("cannot watch {}: {}", file, e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot watch {}: {}", top, e.getMessage());
        }
    }
}
