package io.memtomem.core;

import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.config.PrivateFiles;
import io.memtomem.core.embed.EmbedProgressListener;
import io.memtomem.core.embed.EmbedRun;
import io.memtomem.core.embed.EmbeddingConfig;
import io.memtomem.core.embed.EmbeddingService;
import io.memtomem.core.embed.EmbeddingState;
import io.memtomem.core.embed.provider.EmbeddingSettings;
import io.memtomem.core.embed.provider.ProviderFactory;
import io.memtomem.core.index.DirectoryWatcher;
import io.memtomem.core.index.FileWatcher;
import io.memtomem.core.index.IndexCancelledException;
import io.memtomem.core.index.IndexProgressListener;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import io.memtomem.core.index.Indexer;
import io.memtomem.core.index.WatcherReport;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.search.RecallResponse;
import io.memtomem.core.search.RecallService;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.search.SearchResponse;
import io.memtomem.core.search.SearchService;
import io.memtomem.core.redact.RedactionGate;
import io.memtomem.core.store.ChunkNeighbourhood;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.IdempotencyLedger;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.IndexStats;
import io.memtomem.core.store.NamespaceCount;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.NamespaceNames;
import io.memtomem.core.store.SourceFilter;
import io.memtomem.core.store.SourceSummary;
import io.memtomem.core.store.StoreChunkLocator;
import io.memtomem.core.store.UnindexedFiles;
import io.memtomem.core.store.StoredChunk;
import io.memtomem.core.store.TagCount;
import io.memtomem.core.tag.AutoTagRequest;
import io.memtomem.core.tag.AutoTagResult;
import io.memtomem.core.tag.AutoTagger;
import io.memtomem.core.write.AddOptions;
import io.memtomem.core.write.AddRequest;
import io.memtomem.core.write.AddResult;
import io.memtomem.core.write.BatchAddRequest;
import io.memtomem.core.write.DeleteResult;
import io.memtomem.core.write.EditResult;
import io.memtomem.core.write.IdempotentAdds;
import io.memtomem.core.write.MemoryWriter;
import io.memtomem.core.trace.StartupTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The memory engine shared by the MCP server and {@code mm}: one instance per process per store, thread-safe.
 * Markdown files are the truth; the SQLite index is a cache any number of processes share safely.
 */
public final class Memtomem implements AutoCloseable {
    public static final int MAX_EXPAND_WINDOW = 10;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final MemtomemConfig config;
    private final Database database;
    private final ChunkStore store;
    private final SearchService search;
    private final RecallService recall;
    private final EmbeddingService embeddings;
    private final Clock clock;
    /** Made on the first write or index: a search or status, most of {@code mm}'s runs, never pays for them. */
    private Writing writing;
    private DirectoryWatcher watcher;

    /** The services that change the store: the indexer with its chunkers and ignore rules, the writer, tagging. */
    private record Writing(Indexer indexer, MemoryWriter writer, IdempotentAdds idempotentAdds,
                           AutoTagger autoTagger) {
    }

    private Memtomem(MemtomemConfig config, Database database, EmbeddingService embeddings, Clock clock) {
        this.config = config;
        this.embeddings = embeddings;
        this.database = database;
        this.clock = clock;
        this.store = new ChunkStore(database);
        this.search = new SearchService(config.search(), database, embeddings, clock);
        this.recall = new RecallService(config.search(), database);
    }

    private synchronized Writing writing() {
        if (writing == null) {
            Path cwd = config.environment().cwd();
            Indexer indexer = new Indexer(config.indexing(), config.namespace(), cwd, database, clock);
            MemoryWriter writer = new MemoryWriter(config.indexing(), config.namespace(), cwd, indexer,
                    new StoreChunkLocator(store), clock);
            writing = new Writing(indexer, writer, new IdempotentAdds(new IdempotencyLedger(database), clock),
                    new AutoTagger(database));
        }
        return writing;
    }

    /** Opens the store, creating {@code ~/.memtomem} (0700), the database and its schema on first use. */
    public static Memtomem open(MemtomemConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(MemtomemConfig)} with the clock used for timestamps and day files (tests pin it). */
    public static Memtomem open(MemtomemConfig config, Clock clock) {
        PrivateFiles.createDirectories(config.storeDir());
        Database database = Database.open(config.storage().sqlitePath());
        try {
            EmbeddingSettings settings = EmbeddingConfig.settings(config.embedding());
            EmbeddingService embeddings = EmbeddingService.open(database, ProviderFactory.create(settings),
                    settings.batchSize());
            Memtomem memtomem = new Memtomem(config, database, embeddings, clock);
            StartupTrace.mark("store open (embedding provider, services)");
            return memtomem;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public MemtomemConfig config() {
        return config;
    }

    public SearchResponse search(SearchRequest request) {
        SearchResponse response = search.search(request);
        StartupTrace.mark("search");
        return response;
    }

    public AddResult add(AddRequest request) {
        return add(request, AddOptions.NONE);
    }

    /** {@code mem_add} with force_unsafe, allow_namespace_mix and idempotency_key (memory-core.md §1.2). */
    public AddResult add(AddRequest request, AddOptions options) {
        database.requireWritable("adding a memory");
        requireNoEmbeddingMismatch();
        return embedAfter(writing().idempotentAdds().add(options.idempotencyKey(),
                () -> writing().writer().add(request, options)));
    }

    public AddResult batchAdd(BatchAddRequest request) {
        database.requireWritable("adding memories");
        requireNoEmbeddingMismatch();
        return embedAfter(writing().writer().batchAdd(request));
    }

    /** @param forceUnsafe write even though the redaction gate flags the new text (audit-logged) */
    public EditResult edit(String chunkId, String newContent, List<String> tags, boolean forceUnsafe) {
        database.requireWritable("editing a memory");
        requireNoEmbeddingMismatch();
        String id = requireChunkId(chunkId);
        return embedAfter(removing(store.find(id).stream(),
                () -> writing().writer().edit(id, newContent, tags, forceUnsafe)));
    }

    /** Deletes the chunk's entry from its file and the index. */
    public DeleteResult deleteChunk(String chunkId) {
        database.requireWritable("deleting a memory");
        String id = requireChunkId(chunkId);
        return removing(store.find(id).stream(), () -> writing().writer().delete(id));
    }

    /** Removes the index rows of every source matching the filter (substring or glob); files are untouched. */
    public int deleteBySource(String sourceFilter) {
        if (sourceFilter == null || sourceFilter.isBlank()) {
            throw new InvalidInputException("source_filter", "source_filter must not be empty");
        }
        SourceFilter filter = SourceFilter.parse(sourceFilter);
        Stream<StoredChunk> removed = store.sources().stream().filter(filter::matches)
                .flatMap(source -> store.chunksOf(source).stream());
        return removing(removed, () -> store.deleteBySource(filter));
    }

    /** Removes the index rows of one namespace (exact name); files are untouched. */
    public int deleteByNamespace(String namespace) {
        String name = NamespaceNames.require(namespace, "namespace");
        return removing(store.chunksInNamespace(name).stream(), () -> store.deleteByNamespace(name));
    }

    /**
     * The one rule for every path that removes or replaces chunks: when any removed chunk held a secret (written with
     * {@code force_unsafe}), the removal is followed by scrubbing the full-text index's segments and the WAL, where
     * its words would otherwise stay readable until SQLite happens to reuse those pages ({@link
     * Database#scrubDeleted()}). Not after every removal, since a scrub rewrites the whole full-text index.
     */
    private <T> T removing(Stream<StoredChunk> removed, Supplier<T> removal) {
        boolean heldSecret = removed
                .anyMatch(chunk -> !RedactionGate.standard().scan(chunk.content(), false).isEmpty());
        T result = removal.get();
        if (heldSecret) {
            database.scrubDeleted();
        }
        return result;
    }

    public IndexResult index(IndexRequest request, IndexProgressListener listener) {
        return index(request, listener, () -> false);
    }

    /** An index run its caller can stop at the next file boundary ({@link IndexCancelledException}). */
    public IndexResult index(IndexRequest request, IndexProgressListener listener, BooleanSupplier cancelled) {
        requireNoEmbeddingMismatch();
        try {
            return embedAfter(writing().indexer().index(request, listener, cancelled));
        } catch (IndexCancelledException stopped) {
            embedAfter(stopped.partial()); // what was indexed gets its vectors like any other run's
            throw stopped;
        }
    }

    public RecallResponse recall(RecallRequest request) {
        return recall.recall(request);
    }

    /** Indexed files with chunk counts; no system namespace is hidden here. */
    public List<SourceSummary> listSources(String sourceFilter, String namespace) {
        return store.listSources(SourceFilter.parse(sourceFilter), NamespaceFilter.parse(namespace, List.of()));
    }

    public Optional<StoredChunk> read(String chunkId) {
        return store.find(requireChunkId(chunkId));
    }

    /**
     * The chunk with up to {@code window} neighbours on each side from the same file, in line order, and its position
     * among the file's chunks.
     */
    public ChunkNeighbourhood expand(String chunkId, int window) {
        if (window < 0 || window > MAX_EXPAND_WINDOW) {
            throw new InvalidInputException("window", "window must be between 0 and " + MAX_EXPAND_WINDOW
                    + ", got " + window);
        }
        String id = requireChunkId(chunkId);
        List<StoredChunk> siblings = store.fileChunksAround(id);
        int position = 0;
        while (position < siblings.size() && !siblings.get(position).id().equals(id)) {
            position++;
        }
        if (position == siblings.size()) {
            throw NotFoundException.chunk(chunkId);
        }
        int first = Math.max(0, position - window);
        return new ChunkNeighbourhood(siblings.subList(first, Math.min(siblings.size(), position + window + 1)),
                position - first, position + 1, siblings.size());
    }

    public IndexStats stats() {
        IndexStats stats = store.stats();
        EmbeddingState vectors = embeddings.state();
        return new IndexStats(stats.totalChunks(), stats.totalSources(), stats.orphanedSources(),
                stats.chunksByNamespace(), stats.dbSizeBytes(), vectors.vectorsStored(), vectors.vectorsPending());
    }

    public List<TagCount> tags() {
        return store.tags();
    }

    /**
     * Keyword tags for the chunks matching the request, from TF-IDF against the store (no model): proposed in a dry
     * run, else appended to each chunk's DB tags (the files are not rewritten).
     */
    public AutoTagResult autoTag(AutoTagRequest request) {
        return writing().autoTagger().tag(request);
    }

    /** Adds keyword tags to these chunks, e.g. the {@link IndexResult#writtenChunkIds()} of an index run. */
    public AutoTagResult autoTagChunks(List<String> chunkIds, int maxTags) {
        return writing().autoTagger().tagChunks(chunkIds, maxTags);
    }

    /**
     * Files the last index runs could not index (oversize, binary, blocked, unreadable), with reason and fix. A file
     * deleted since is left out: it never had chunks, so no index run notices that it is gone.
     */
    public List<UnindexedFiles.Entry> unindexedFiles() {
        return database.read("listing unindexed files", UnindexedFiles::list).stream()
                .filter(file -> Files.exists(Path.of(file.source())))
                .toList();
    }

    public List<NamespaceCount> namespaces() {
        return store.namespaceCounts().entrySet().stream()
                .map(entry -> new NamespaceCount(entry.getKey(), entry.getValue())).toList();
    }

    /** Starts (once) the recursive watcher over the memory dirs and project memory dirs; later calls return it. */
    public synchronized FileWatcher startWatcher() {
        requireNoEmbeddingMismatch();
        if (watcher == null) {
            try {
                watcher = DirectoryWatcher.start(writing().indexer(), store, config.indexing().indexRoots(),
                        DirectoryWatcher.DEBOUNCE);
            } catch (IOException e) {
                throw new MemtomemException("cannot start the file watcher: " + e.getMessage(), e);
            }
        }
        return watcher;
    }

    /** What the file watcher did beyond single-file updates (overflows, rescans); empty when it is not running. */
    public synchronized Optional<WatcherReport> watcherReport() {
        return watcher == null ? Optional.empty() : Optional.of(watcher.report());
    }

    /** Stored vs configured embedding identity, with how many chunks have vectors and how many wait for one. */
    public EmbeddingState embeddingState() {
        return embeddings.state();
    }

    /** The provider error that keeps chunks waiting for vectors (BM25 is unaffected); empty when embedding works. */
    public Optional<String> embeddingFailure() {
        return embeddings.failure();
    }

    /**
     * Drops every vector, records the configured provider/model/dimension in the store and re-embeds all chunks
     * with it; a provider failure part-way leaves the rest pending for the background embedder.
     */
    public EmbeddingState embeddingReset() {
        return embeddingReset(EmbedProgressListener.NONE);
    }

    /** As {@link #embeddingReset()}, reporting the re-embedding's progress. */
    public EmbeddingState embeddingReset(EmbedProgressListener listener) {
        return embeddings.reset(listener);
    }

    /** Blocks until every pending chunk has a vector; throws the provider's error (benchmarks, tests). */
    public void embedPending() {
        embeddings.embedPending();
    }

    /**
     * Embeds every chunk still without a vector on this thread, before a short-lived front end ({@code mm index},
     * {@code mm add}) returns; a provider failure is reported in the result and leaves the rest pending.
     */
    public EmbedRun embedPending(EmbedProgressListener listener) {
        return embeddings.embedPending(listener);
    }

    /** Stops the watcher and closes the database, truncating its WAL. */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        embeddings.close();
        database.close();
    }

    private void requireNoEmbeddingMismatch() {
        if (embeddings.mismatch()) {
            throw new EmbeddingMismatchException("the store's vectors were made with " + embeddings.stored().describe()
                    + " but " + embeddings.configured().describe() + " is configured; run `mm embedding-reset` (or"
                    + " restore the previous embedding settings) before writing");
        }
    }

    /** New or changed chunks are committed for BM25; their vectors follow in the background. */
    private <T> T embedAfter(T result) {
        embeddings.chunksChanged();
        return result;
    }

    /**
     * The full id a person means by {@code idOrPrefix}: a whole UUID, or the first {@value #MIN_ID_PREFIX}+
     * characters of one as {@code mm search} and {@code mm recall} show them. Several matches are an error naming
     * the fix; none is {@link NotFoundException}.
     */
    public String chunkIdFor(String idOrPrefix) {
        String text = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (UUID_TEXT.matcher(text).matches()) {
            return text;
        }
        if (text.length() < MIN_ID_PREFIX || !text.matches("[0-9a-f-]+")) {
            throw new InvalidInputException("chunk_id", "invalid chunk ID: " + idOrPrefix + " (a UUID, or at least "
                    + MIN_ID_PREFIX + " of its first characters)");
        }
        List<String> matches = store.idsStartingWith(text, 2);
        if (matches.isEmpty()) {
            throw NotFoundException.chunk(idOrPrefix);
        }
        if (matches.size() > 1) {
            throw new InvalidInputException("chunk_id", "chunk ID prefix " + idOrPrefix + " matches more than one "
                    + "chunk: give more of its characters");
        }
        return matches.get(0);
    }

    /** The shortest id prefix people may give: 8 hex characters, as the tables show. */
    public static final int MIN_ID_PREFIX = 8;

    private static String requireChunkId(String chunkId) {
        if (chunkId == null || !UUID_TEXT.matcher(chunkId.strip()).matches()) {
            throw new InvalidInputException("chunk_id", "invalid chunk ID format: " + chunkId);
        }
        return chunkId.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
