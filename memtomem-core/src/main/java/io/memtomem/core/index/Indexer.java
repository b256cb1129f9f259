package io.memtomem.core.index;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.chunk.Chunkers;
import io.memtomem.core.chunk.ChunkingSettings;
import io.memtomem.core.config.IndexingConfig;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.config.NamespaceConfig;
import io.memtomem.core.scope.IndexRoots;
import io.memtomem.core.scope.MemoryDirScope;
import io.memtomem.core.scope.ScopedLocation;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.ChunkWriter;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.ExistingChunk;
import io.memtomem.core.store.FileFingerprints;
import io.memtomem.core.store.NamespaceNames;
import io.memtomem.core.store.Session;
import io.memtomem.core.store.SourceStamp;
import io.memtomem.core.store.SourcePaths;
import io.memtomem.core.store.StoredChunk;
import io.memtomem.core.store.Timestamps;
import io.memtomem.core.store.UnindexedFiles;
import io.memtomem.core.write.FileReindexer;
import io.memtomem.core.write.SecretCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incremental indexer (memory-core.md §4.1-4.2). Files are read and chunked on two worker threads while the
 * calling thread applies each file's hash diff in a short write transaction: a file is never split across
 * transactions, so a crash never leaves a half-indexed file. In a bulk run, files whose chunks are ready together
 * share one transaction (at most 256 files / 1,024 chunks: each commit flushes an FTS segment and rewrites the hot
 * index pages, so fewer, larger batches cost less) and other processes get the write lock between batches. A file
 * whose bytes are unchanged since it was last indexed is not even chunked ({@link FileFingerprints}), which keeps a
 * no-change re-index cheap.
 */
public final class Indexer implements FileReindexer {
    private static final int WORKERS = 2;
    private static final int WINDOW = 32;
    private static final String CHUNKER_VERSION = "chunker-v1:";
    /** Bounds of one bulk write transaction: short enough that other processes get the lock between batches. */
    private static final int MAX_BATCH_FILES = 256;
    private static final int MAX_BATCH_CHUNKS = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final NamespaceConfig namespaces;
    private final Path cwd;
    private final Database database;
    private final ChunkStore store;
    private final Chunkers chunkers;
    /** Chunks of a file stay valid only while these settings (and the chunker version) are unchanged. */
    private final String chunkingFingerprint;
    private final FileDiscovery discovery;
    private final IndexRoots roots;
    private final MemoryDirScope memoryDirs;
    private final Clock clock;

    /** As the typed constructor, with the sections and working directory of {@code config}. */
    public Indexer(MemtomemConfig config, Database database, Clock clock) {
        this(config.indexing(), config.namespace(), config.environment().cwd(), database, clock);
    }

    /** @param cwd what a relative {@link IndexRequest#path()} is resolved against */
    public Indexer(IndexingConfig indexing, NamespaceConfig namespaces, Path cwd, Database database, Clock clock) {
        ChunkingSettings settings = new ChunkingSettings(indexing.maxChunkTokens(), indexing.minChunkTokens(),
                indexing.targetChunkTokens(), indexing.chunkOverlapTokens(), indexing.paragraphSplitThreshold());
        Set<String> extensions = new TreeSet<>(indexing.supportedExtensions());
        this.namespaces = namespaces;
        this.cwd = cwd;
        this.database = database;
        this.store = new ChunkStore(database);
        this.chunkers = new Chunkers(settings, extensions);
        this.chunkingFingerprint = CHUNKER_VERSION + settings + extensions;
        this.discovery = new FileDiscovery(chunkers, new ExclusionRules(indexing.excludePatterns()));
        this.roots = IndexRoots.of(indexing);
        this.memoryDirs = new MemoryDirScope(indexing.indexRoots());
        this.clock = clock;
    }

    public IndexResult index(IndexRequest request, IndexProgressListener listener) {
        return index(request, listener, () -> false);
    }

    /**
     * Indexes as {@link #index(IndexRequest, IndexProgressListener)}, asking {@code cancelled} before each file: once
     * it says yes, the run ends with {@link IndexCancelledException}. Files are written whole in committed batches,
     * so every file of a batch committed before is indexed and every other file is left as it was.
     */
    public IndexResult index(IndexRequest request, IndexProgressListener listener, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        if (request.path() == null) {
            throw new InvalidInputException("path", "path is required");
        }
        String namespace = request.namespace() == null ? null : NamespaceNames.require(request.namespace(), "namespace");
        Path root = SourcePaths.canonical(cwd.resolve(request.path()));
        if (namespace != null) {
            // the namespace is stored on every chunk and shown in listings, so it is gated as mem_add gates it
            SecretCheck.check("mm index --force-unsafe", root, Map.of("namespace", namespace), request.forceUnsafe(),
                    false);
        }
        Tally tally = new Tally();
        List<Path> files = new ArrayList<>();
        Path walkRoot;
        if (Files.exists(root)) {
            FileDiscovery.Found found = discover(root, request.recursive());
            files.addAll(found.files());
            tally.errors.addAll(found.errors());
            walkRoot = Files.isDirectory(root) ? root : root.getParent();
            dropOutsideTargets(root, found.links(), tally);
        } else {
            walkRoot = rootFor(root);
        }
        int scanned = files.size();
        // sources indexed earlier that are no longer regular files here lose their chunks (memory-core.md §4.2 step 1)
        files.addAll(vanishedSources(root, request.recursive()));
        if (files.isEmpty() && !Files.exists(root)) {
            throw new InvalidInputException("path", "path does not exist: " + root);
        }
        Redaction redaction = request.forceUnsafe() ? Redaction.BYPASS_AUDITED : Redaction.BLOCK;
        int done = database.bulk(() -> runPipeline(files, namespace, request.force(), redaction, walkRoot, tally,
                listener, cancelled));
        IndexResult result = tally.result(Math.min(done, scanned), (System.nanoTime() - started) / 1_000_000);
        if (done < files.size()) {
            throw new IndexCancelledException(result, files.size());
        }
        return result;
    }

    /**
     * Drops the indexed sources that symbolic links inside a memory dir lead to outside every memory dir: the file
     * watcher used to follow such links, and nothing may reach outside through one ({@link MemoryDirScope}). Only
     * for a walk inside the memory dirs, since {@code mm index} of any other path may index what it likes.
     */
    private void dropOutsideTargets(Path root, List<Path> links, Tally tally) {
        if (links.isEmpty() || !memoryDirs.contains(root)) {
            return;
        }
        Set<String> targets = new TreeSet<>();
        for (Path link : links) {
            Path target = SourcePaths.canonical(link);
            if (!memoryDirs.contains(target) && !store.sourcesUnder(target).isEmpty()) {
                targets.add(target.toString());
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        int chunks = database.write("dropping link targets outside the memory dirs", session -> {
            int deleted = 0;
            for (String target : targets) {
                deleted += ChunkWriter.deleteSource(session, target);
            }
            return deleted;
        });
        tally.dropped(targets.size(), chunks);
    }

    /**
     * Indexed sources at or under {@code root} (only directly inside it unless recursive) that are no longer regular
     * files: deleted, or replaced by a directory or a symbolic link (sources are real paths, so a link there is not
     * one). The walk never lists them, so without this their chunks would stay searchable forever.
     */
    private List<Path> vanishedSources(Path root, boolean recursive) {
        return store.sourcesUnder(root).stream()
                .map(Path::of)
                .filter(source -> recursive || source.equals(root) || root.equals(source.getParent()))
                .filter(source -> !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS))
                .toList();
    }

    /**
     * Re-indexes one file now (the writer calls this under the file's sidecar lock); returns its chunk count. Gated
     * like every index run, so appending clean text to a file blocked for a secret does not index the secret; a
     * secret a bypass let in earlier is in the file's chunks already and does not block it again.
     */
    @Override
    public int reindex(Path file, String namespace, boolean forceUnsafe, Set<String> retiredIds) {
        String explicit = namespace == null ? null : NamespaceNames.require(namespace, "namespace");
        Path source = SourcePaths.canonical(file);
        Redaction redaction = forceUnsafe ? Redaction.BYPASS_WRITTEN : Redaction.BLOCK;
        // retired rows must go even if the bytes look as last indexed, so the file is always re-chunked then
        FileOutcome outcome = apply(prepare(source, explicit, !retiredIds.isEmpty(), redaction), explicit, false,
                redaction, rootFor(source), retiredIds);
        if (outcome.status() == FileOutcome.Status.FAILED || outcome.status() == FileOutcome.Status.SKIPPED
                || outcome.status() == FileOutcome.Status.BLOCKED) {
            throw new MemtomemException("cannot index " + source + ": " + outcome.message());
        }
        return outcome.totalChunks();
    }

    /** Re-indexes a changed path as the watcher reports it: deleted files lose their chunks, excluded ones are left. */
    FileOutcome refresh(Path file) {
        Path source = SourcePaths.canonical(file);
        Path root = rootFor(source);
        if (Files.exists(source) && !discovery.isIndexable(source, root)) {
            return FileOutcome.skipped(source, "not indexable");
        }
        FileOutcome outcome = apply(prepare(source, null, false, Redaction.BLOCK), null, false, Redaction.BLOCK,
                root, Set.of());
        if (outcome.status() == FileOutcome.Status.BLOCKED) {
            LOG.warn("not indexing {}: {}", source, outcome.message());
        }
        return outcome;
    }

    boolean isIndexable(Path file) {
        Path source = SourcePaths.canonical(file);
        return discovery.isIndexable(source, rootFor(source));
    }

    private FileDiscovery.Found discover(Path root, boolean recursive) {
        try {
            return discovery.discover(root, recursive);
        } catch (IOException e) {
            throw new MemtomemException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** Returns how many files were applied: all of them unless {@code cancelled} said yes before the last. */
    private int runPipeline(List<Path> files, String namespace, boolean force, Redaction redaction, Path root,
                            Tally tally, IndexProgressListener listener, BooleanSupplier cancelled) {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "memtomem-index-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<PreparedFile>> window = new ArrayDeque<>();
            List<PreparedFile> batch = new ArrayList<>();
            int submitted = 0;
            int done = 0;
            while (done < files.size()) {
                boolean stop = cancelled.getAsBoolean();
                while (!stop && submitted < files.size() && window.size() < WINDOW) {
                    Path next = files.get(submitted++);
                    window.add(workers.submit(() -> prepare(next, namespace, force, redaction)));
                }
                if (stop) {
                    return done; // the files read since the last commit, and those read ahead, stay unwritten
                }
                batch.add(await(window.poll()));
                // waiting for the next file happens outside any transaction, so batches can fill up freely
                if (window.isEmpty() || batch.size() >= MAX_BATCH_FILES || chunkCount(batch) >= MAX_BATCH_CHUNKS) {
                    for (FileOutcome outcome : apply(batch, namespace, force, redaction, root, Set.of())) {
                        tally.add(outcome);
                        done++;
                        if (listener != null) {
                            listener.onProgress(tally.progress(done, files.size(), outcome.file()));
                        }
                    }
                    batch.clear();
                }
            }
            return done;
        } finally {
            workers.shutdownNow();
        }
    }

    private static int chunkCount(List<PreparedFile> batch) {
        return batch.stream().mapToInt(prepared -> prepared.chunks().size()).sum();
    }

    private static PreparedFile await(Future<PreparedFile> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemtomemException("indexing was interrupted", e);
        } catch (ExecutionException e) {
            throw new MemtomemException("indexing failed: " + e.getCause(), e.getCause());
        }
    }

    private FileOutcome apply(PreparedFile prepared, String explicitNamespace, boolean force, Redaction redaction,
                              Path root, Set<String> retiredIds) {
        return apply(List.of(prepared), explicitNamespace, force, redaction, root, retiredIds).get(0);
    }

    /** Applies prepared files in order (see {@link #applyRows}) and lists the ones that could not be indexed. */
    private List<FileOutcome> apply(List<PreparedFile> batch, String explicitNamespace, boolean force,
                                    Redaction redaction, Path root, Set<String> retiredIds) {
        List<FileOutcome> outcomes = applyRows(batch, explicitNamespace, force, redaction, root, retiredIds);
        recordUnindexed(outcomes);
        return outcomes;
    }

    /**
     * Lists the files of these outcomes that could not be indexed for {@code mm status}, and drops the ones that now
     * are (an indexed or vanished file's rows were already dropped in its own transaction).
     */
    private void recordUnindexed(List<FileOutcome> outcomes) {
        List<FileOutcome> unindexed = outcomes.stream().filter(outcome -> UnindexedReasons.fix(outcome) != null)
                .toList();
        if (unindexed.isEmpty() && !database.read("checking unindexed files", UnindexedFiles::any)) {
            return;
        }
        database.write("listing unindexed files", session -> {
            for (FileOutcome outcome : outcomes) {
                String fix = UnindexedReasons.fix(outcome);
                if (fix != null) {
                    UnindexedFiles.put(session, outcome.file().toString(), outcome.message(), fix);
                } else if (outcome.status() == FileOutcome.Status.INDEXED) {
                    UnindexedFiles.clear(session, outcome.file().toString());
                }
            }
            return null;
        });
    }

    /**
     * Applies prepared files in order. Files that need rows written share one short write transaction, so every
     * file is all-or-nothing while a bulk run does not pay a commit (and an FTS segment flush) per small file.
     * Inside the transaction, which no other process's write can interleave, each file is checked to be as it was
     * read: a writer that appended since re-indexed it itself, and chunks read before its append would delete its
     * entry, so a changed file is read again there and then.
     */
    private List<FileOutcome> applyRows(List<PreparedFile> batch, String explicitNamespace, boolean force,
                                        Redaction redaction, Path root, Set<String> retiredIds) {
        boolean needsWrite = batch.stream().anyMatch(prepared -> writesRows(prepared, root));
        if (!needsWrite) {
            return batch.stream().map(prepared -> outcomeWithoutWrite(prepared, root)).toList();
        }
        String now = Timestamps.now(clock);
        return database.write("indexing " + (batch.size() == 1 ? batch.get(0).file() : batch.size() + " files"),
                session -> {
                    List<FileOutcome> outcomes = new ArrayList<>();
                    for (PreparedFile read : batch) {
                        PreparedFile prepared = writesRows(read, root)
                                ? asItIsNow(read, explicitNamespace, force, redaction) : read;
                        outcomes.add(writesRows(prepared, root)
                                ? write(session, prepared, explicitNamespace, force, now, retiredIds)
                                : outcomeWithoutWrite(prepared, root));
                    }
                    return outcomes;
                });
    }

    /** The prepared file when the file is unchanged since it was read, else the file prepared again as it is now. */
    private PreparedFile asItIsNow(PreparedFile prepared, String explicitNamespace, boolean force,
                                   Redaction redaction) {
        if (FileStamp.current(prepared.file()).equals(prepared.stamp())) {
            return prepared;
        }
        LOG.debug("{} changed while it was being indexed; reading it again", prepared.file());
        return prepare(prepared.file(), explicitNamespace, force, redaction);
    }

    private static boolean writesRows(PreparedFile prepared, Path root) {
        if (prepared.missing()) {
            return root != null && Files.isDirectory(root);
        }
        return prepared.skipReason() == null && prepared.blockReason() == null && prepared.error() == null
                && prepared.unchangedCount() < 0;
    }

    private static FileOutcome outcomeWithoutWrite(PreparedFile prepared, Path root) {
        Path file = prepared.file();
        if (prepared.missing()) {
            // the whole root is gone (an unmounted volume): that is not a deletion of the file
            return new FileOutcome(file, FileOutcome.Status.ROOT_GONE, 0, 0, 0, "index root is missing: " + root,
                    List.of());
        }
        if (prepared.skipReason() != null) {
            return FileOutcome.skipped(file, prepared.skipReason());
        }
        if (prepared.blockReason() != null) {
            return FileOutcome.blocked(file, prepared.blockReason());
        }
        if (prepared.error() != null) {
            return FileOutcome.failed(file, prepared.error());
        }
        int count = prepared.unchangedCount();
        return new FileOutcome(file, FileOutcome.Status.INDEXED, count, count, 0, null, List.of());
    }

    private FileOutcome write(Session session, PreparedFile prepared, String explicitNamespace, boolean force,
                              String now, Set<String> retiredIds) throws SQLException {
        Path file = prepared.file();
        String source = file.toString();
        UnindexedFiles.clear(session, source);
        if (prepared.missing()) {
            return new FileOutcome(file, FileOutcome.Status.REMOVED, 0, 0, ChunkWriter.deleteSource(session, source),
                    null, List.of());
        }
        List<ExistingChunk> existing = ChunkWriter.existing(session, source);
        String namespace = resolveNamespace(explicitNamespace, existing, file);
        ScopedLocation location = roots.classify(file);
        SourceStamp stamp = new SourceStamp(location.scope().wireName(), location.projectRootText(),
                prepared.validity().fromUnix(), prepared.validity().toUnix());
        ChunkDiff diff = ChunkDiff.compute(existing, prepared.chunks(), namespace, stamp, force, retiredIds);
        List<String> written = DiffWriter.apply(session, diff, namespace, stamp, source, now);
        FileFingerprints.put(session, source, prepared.sha256(), fingerprintSettings(location));
        int ignored = diff.inserts().size() + diff.updates().size() - written.size();
        return new FileOutcome(file, FileOutcome.Status.INDEXED, prepared.chunks().size() - ignored,
                diff.unchanged().size(), diff.deletes().size(), null, written);
    }

    /**
     * Reads and chunks a file, unless its bytes and the chunking settings are as last indexed and all its rows are
     * still there (a forced or explicit-namespace run always re-chunks, since it may rewrite rows).
     */
    private PreparedFile prepare(Path file, String explicitNamespace, boolean force, Redaction redaction) {
        return PreparedFile.prepare(file, chunkers, (source, sha256) -> force || explicitNamespace != null
                ? OptionalInt.empty()
                : database.read("checking " + source, session -> FileFingerprints.unchangedCount(session,
                        source.toString(), sha256, fingerprintSettings(roots.classify(source)))),
                redaction, source -> store.chunksOf(source.toString()).stream().map(StoredChunk::content).toList());
    }

    /** Stored rows stay valid while the chunking settings and the file's scope (a config change moves it) hold. */
    private String fingerprintSettings(ScopedLocation location) {
        return chunkingFingerprint + "|" + location.scope().wireName() + "|" + location.projectRootText();
    }

    /** Explicit namespace, else the one already stored for this source, else auto (parent folder) or default. */
    private String resolveNamespace(String explicit, List<ExistingChunk> existing, Path file) {
        if (explicit != null) {
            return explicit;
        }
        if (!existing.isEmpty()) {
            return existing.get(0).namespace();
        }
        if (namespaces.enableAutoNs() && file.getParent() != null && file.getParent().getFileName() != null) {
            return file.getParent().getFileName().toString();
        }
        return namespaces.defaultNamespace();
    }

    /** The memory dir or project memory dir containing the file (deepest match), else its parent directory. */
    private Path rootFor(Path file) {
        return roots.rootOf(file).map(IndexRoots.Root::dir).orElse(file.getParent());
    }

    /** Running totals for one index call. */
    private static final class Tally {
        final List<String> errors = new ArrayList<>();
        final List<String> blocked = new ArrayList<>();
        final List<String> writtenIds = new ArrayList<>();
        long totalChunks;
        long unchanged;
        long deleted;
        int removed;
        int skipped;
        int failed;

        void add(FileOutcome outcome) {
            totalChunks += outcome.totalChunks();
            writtenIds.addAll(outcome.writtenIds());
            unchanged += outcome.unchanged();
            deleted += outcome.deleted();
            switch (outcome.status()) {
                case REMOVED -> removed++;
                case SKIPPED -> {
                    skipped++;
                    errors.add(outcome.file() + ": " + outcome.message());
                }
                case BLOCKED -> blocked.add(outcome.file() + ": " + outcome.message());
                case FAILED -> {
                    failed++;
                    errors.add(outcome.file() + ": " + outcome.message());
                }
                default -> {
                }
            }
        }

        void dropped(int sources, int chunks) {
            removed += sources;
            deleted += chunks;
        }

        IndexProgress progress(int done, int total, Path current) {
            return new IndexProgress(done, total, writtenIds.size(), skipped, failed, current);
        }

        IndexResult result(int scanned, long durationMillis) {
            return new IndexResult(scanned, totalChunks, unchanged, deleted, skipped, errors, blocked, durationMillis,
                    writtenIds, removed);
        }
    }
}
