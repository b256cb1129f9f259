package io.memtomem.core.write;

import io.memtomem.core.Sha256;
import io.memtomem.core.redact.RedactionGate;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.NotFoundException;
import io.memtomem.core.config.IndexingConfig;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.config.NamespaceConfig;
import io.memtomem.core.config.PrivateFiles;
import io.memtomem.core.redact.RedactionGate;
import io.memtomem.core.scope.IndexRoots;
import io.memtomem.core.scope.Scope;
import io.memtomem.core.store.SourcePaths;
import io.memtomem.core.store.StoredChunk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes memories into the markdown files (the source of truth) and re-indexes the touched file at once. Every write
 * happens under the file's {@link SidecarLock}, which is held until re-indexing is done, so concurrent writers in any
 * process never interleave or lose an entry. A failure of re-indexing is reported, but the written file stays: the
 * files are the truth, and the next index run or the file watcher catches up. Thread-safe.
 */
public final class MemoryWriter {
    private final IndexingConfig indexing;
    private final NamespaceConfig namespaces;
    private final Path cwd;
    private final IndexRoots roots;
    private final FileReindexer reindexer;
    private final ChunkLocator locator;
    private final Clock clock;

    /** As the typed constructor, with the sections and working directory of {@code config}. */
    public MemoryWriter(MemtomemConfig config, FileReindexer reindexer, ChunkLocator locator, Clock clock) {
        this(config.indexing(), config.namespace(), config.environment().cwd(), reindexer, locator, clock);
    }

    /** @param cwd the working directory, whose project receives project-scoped writes */
    public MemoryWriter(IndexingConfig indexing, NamespaceConfig namespaces, Path cwd, FileReindexer reindexer,
                        ChunkLocator locator, Clock clock) {
        this.indexing = Objects.requireNonNull(indexing, "indexing");
        this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
        this.cwd = Objects.requireNonNull(cwd, "cwd");
        this.roots = IndexRoots.of(indexing);
        this.reindexer = Objects.requireNonNull(reindexer, "reindexer");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loads what a first write pays for once - the redaction gate's patterns, SHA-256 (security provider set-up),
     * the secure random source of chunk ids - for a process that will write soon and has a thread to spare:
     * {@code mm add} runs it while picocli builds. Problems are left to the write.
     */
    public static void preload() {
        try {
            RedactionGate.standard();
            Sha256.hex("");
            UUID.randomUUID();
        } catch (RuntimeException | LinkageError reportedByTheWrite) {
            // the write itself reports it
        }
    }

    /** Appends one entry to the UTC day file (or {@code file=}) and indexes that file. */
    public AddResult add(AddRequest request) {
        return add(request, AddOptions.NONE);
    }

    /** As {@link #add(AddRequest)}, with the redaction and namespace-mix rules relaxed as {@code options} say. */
    public AddResult add(AddRequest request, AddOptions options) {
        Objects.requireNonNull(request, "request");
        String namespace = EntryValidation.namespace("namespace", request.namespace());
        Instant now = clock.instant();
        Entry entry = entry(request, "", now);
        Path target = target(pathsFor(request.scope(), options.confirmProjectShared()), request.file(), namespace,
                now);
        String bypassed = SecretCheck.check("mem_add", target, withLocation(entry.texts(), namespace, request.file()),
                options.forceUnsafe(), projectShared(target));
        return append(target, namespace, entry.block(), options.allowNamespaceMix(), bypassed);
    }

    /** Appends all entries to one file in a single write and indexes it once. */
    public AddResult batchAdd(BatchAddRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.entries().isEmpty()) {
            throw new InvalidInputException("entries", "entries must not be empty: pass at least one entry");
        }
        String namespace = EntryValidation.namespace("namespace", request.namespace());
        String file = EntryValidation.optional(request.file());
        Instant now = clock.instant();
        StringBuilder blocks = new StringBuilder();
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < request.entries().size(); i++) {
            AddRequest entry = request.entries().get(i);
            String prefix = "entries[" + i + "].";
            if (entry == null) {
                throw new InvalidInputException("entries", prefix.substring(0, prefix.length() - 1)
                        + " is null: pass an entry object");
            }
            requireSameOrAbsent(prefix + "namespace", EntryValidation.namespace(prefix + "namespace",
                    entry.namespace()), namespace);
            requireSameOrAbsent(prefix + "file", EntryValidation.optional(entry.file()), file);
            Entry validated = entry(entry, prefix, now);
            blocks.append(validated.block());
            texts.putAll(validated.texts());
        }
        Path target = target(memoryPaths(), file, namespace, now);
        String bypassed = SecretCheck.check("batch_add", target, withLocation(texts, namespace, file),
                request.forceUnsafe(), projectShared(target));
        return append(target, namespace, blocks.toString(), request.allowNamespaceMix(), bypassed);
    }

    /** As {@link #edit(String, String, List, boolean)} with the redaction gate on. */
    public EditResult edit(String chunkId, String newContent, List<String> tags) {
        return edit(chunkId, newContent, tags, false);
    }

    /**
     * Replaces a chunk's body in its source file, keeping the entry's heading and {@code > created:}/{@code > tags:}
     * header; content starting with {@code ## } replaces the heading as well.
     *
     * @param tags        null keeps the entry's tags; a list (possibly empty) replaces them
     * @param forceUnsafe write even though the redaction gate flags the new text (audit-logged)
     * @return the new chunk id, looked up with {@link ChunkLocator#chunksOf} after re-indexing as the chunk that covers
     *         the first line of the new text; null when the store does not list a file's chunks
     */
    @SuppressWarnings("try") // the lock is held for the block, never referenced in it
    public EditResult edit(String chunkId, String newContent, List<String> tags, boolean forceUnsafe) {
        String content = EntryValidation.content("new_content", newContent);
        List<String> newTags = tags == null ? null : EntryValidation.tags("tags", tags);
        StoredChunk chunk = find(chunkId);
        Path source = memoryPaths().requireInside(chunk.source());
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("new_content", content);
        putTags(texts, "tags", newTags == null ? List.of() : newTags);
        String bypassed = SecretCheck.check("edit", source, texts, forceUnsafe, projectShared(source));
        try (SidecarLock lock = SidecarLock.acquire(source)) {
            StoredChunk current = findAgain(chunkId);
            FileText text = read(source, current);
            FileLines file = FileLines.of(text.body());
            EntryRewriter.Edited edited = EntryRewriter.edit(file, EntryLocator.locate(file, current), content,
                    newTags);
            String rewritten = text.encode(edited.text());
            requireIndexableSize(source, utf8Length(rewritten));
            FileWrites.replace(source, rewritten);
            String pending = reindexAfterWrite(source, null, bypassed != null, Set.of(chunkId));
            return new EditResult(chunkId, pending == null ? chunkIdAt(source, edited.firstLine()) : null, source,
                    pending);
        } catch (IOException e) {
            throw ioFailure(source, e);
        }
    }

    /** Removes the chunk's entry from its source file, leaving every other line untouched, and re-indexes the file. */
    @SuppressWarnings("try") // the lock is held for the block, never referenced in it
    public DeleteResult delete(String chunkId) {
        StoredChunk chunk = find(chunkId);
        Path source = memoryPaths().requireInside(chunk.source());
        try (SidecarLock lock = SidecarLock.acquire(source)) {
            StoredChunk current = findAgain(chunkId);
            FileText text = read(source, current);
            FileLines file = FileLines.of(text.body());
            EntryRewriter.Deleted deleted = EntryRewriter.delete(file, EntryLocator.locate(file, current));
            FileWrites.replace(source, text.encode(deleted.text()));
            String pending = reindexAfterWrite(source, null, false, Set.of(chunkId));
            return new DeleteResult(chunkId, source, deleted.linesRemoved(), pending);
        } catch (IOException e) {
            throw ioFailure(source, e);
        }
    }

    /**
     * The texts plus the namespace and file the caller named: both become file names and paths (in listings, logs
     * and status output), so a token sent as either is as much a leak as one in the content.
     */
    private static Map<String, String> withLocation(Map<String, String> texts, String namespace, String file) {
        Map<String, String> all = new LinkedHashMap<>(texts);
        if (namespace != null) {
            all.put("namespace", namespace);
        }
        if (file != null) {
            all.put("file", file);
        }
        return all;
    }

    /** A validated entry: its block, and the texts the caller sent (by parameter name) for the redaction gate. */
    private record Entry(String block, Map<String, String> texts) {}

    private static Entry entry(AddRequest entry, String prefix, Instant now) {
        String content = EntryValidation.content(prefix + "content", entry.content());
        String title = EntryValidation.title(prefix + "title", entry.title());
        List<String> tags = EntryValidation.tags(prefix + "tags", entry.tags());
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(prefix + "content", content);
        if (title != null) {
            texts.put(prefix + "title", title);
        }
        putTags(texts, prefix + "tags", tags);
        String template = EntryValidation.optional(entry.template());
        if (template == null) {
            return new Entry(EntryBlock.format(content, title, tags, now), texts);
        }
        // The template's "## <Kind>: <title>" replaces the automatic heading. It goes above the > created/tags header,
        // not inside the content as the reference writes it: there the header would precede the heading and its
        // tags would land on the previous section's chunk.
        EntryTemplate.Rendered rendered = EntryTemplate.named(prefix + "template", template)
                .render(prefix, title, content);
        // JSON content may spell control characters as escapes, which only rendering turns into characters
        EntryValidation.refuseControls(prefix + "content", rendered.heading() + rendered.body());
        return new Entry(EntryBlock.titled(rendered.heading(), rendered.body(), tags, now), texts);
    }

    private static void putTags(Map<String, String> texts, String parameter, List<String> tags) {
        if (!tags.isEmpty()) {
            texts.put(parameter, String.join("\n", tags));
        }
    }

    private boolean projectShared(Path target) {
        return roots.classify(SourcePaths.canonical(target)).scope() == Scope.PROJECT_SHARED;
    }

    /**
     * The files a write of this tier may touch: the user tier's, or the project memory dir of the requested tier for
     * the project containing the working directory. A git-shared dir needs the caller's explicit confirmation.
     */
    private MemoryPaths pathsFor(String rawScope, boolean confirmProjectShared) {
        String requested = EntryValidation.optional(rawScope);
        Scope scope = requested == null ? Scope.USER : Scope.parse("scope", requested);
        if (scope == Scope.USER) {
            return memoryPaths();
        }
        Path dir = roots.projectDirFor(scope, cwd);
        if (scope == Scope.PROJECT_SHARED && !confirmProjectShared) {
            throw new InvalidInputException("confirm_project_shared", "scope=project_shared writes to " + dir
                    + ", which is committed with the project and shared with everyone through git: pass "
                    + "confirm_project_shared=true to write there, or use scope=project_local for a note that "
                    + "stays on this machine");
        }
        return MemoryPaths.projectTier(dir);
    }

    private Path target(MemoryPaths paths, String file, String namespace, Instant now) {
        String requested = EntryValidation.optional(file);
        if (requested != null) {
            return paths.resolveTarget(requested);
        }
        String dayFile = DayFiles.name(LocalDate.ofInstant(now, ZoneOffset.UTC), namespace, namespaces.defaultNamespace());
        return paths.requireInside(paths.writeBase().resolve(dayFile));
    }

    @SuppressWarnings("try") // the lock is held for the block, never referenced in it
    private AddResult append(Path target, String namespace, String text, boolean allowNamespaceMix,
                             String bypassedSecrets) {
        try {
            PrivateFiles.createDirectories(target.getParent());
            try (SidecarLock lock = SidecarLock.acquire(target)) {
                if (!allowNamespaceMix) {
                    refuseNamespaceMix(target, namespace);
                }
                String block = FileText.inStyle(text, FileText.lineBreakOf(target)); // a CRLF file stays CRLF
                requireIndexableSize(target, (Files.exists(target) ? Files.size(target) : 0) + utf8Length(block));
                FileWrites.append(target, block);
                try {
                    int chunks = reindexer.reindex(target, namespace, bypassedSecrets != null, Set.of());
                    return new AddResult(target, namespace != null ? namespace : namespaceAfterIndexing(target),
                            chunks, bypassedSecrets, null, null);
                } catch (RuntimeException e) {
                    return new AddResult(target, namespace != null ? namespace : namespaces.defaultNamespace(), 0,
                            bypassedSecrets, null, indexPending(target, e));
                }
            }
        } catch (IOException e) {
            throw ioFailure(target, e);
        }
    }

    /** Re-indexing stamps one namespace on a whole file, so writing another one into it would relabel its entries. */
    private void refuseNamespaceMix(Path target, String namespace) {
        if (namespace == null) {
            return; // the indexer keeps the file's stored namespace
        }
        Set<String> existing = locator.namespacesOf(target);
        if (existing.stream().anyMatch(other -> !other.equals(namespace))) {
            throw new InvalidInputException("namespace", target + " already holds namespace "
                    + String.join(", ", existing.stream().sorted().toList()) + ", not " + namespace
                    + ": omit file= to write to the namespace's own day file, or pass allow_namespace_mix=true"
                    + " (mm: --allow-namespace-mix) to write anyway - re-indexing then moves the whole file to "
                    + namespace);
        }
    }

    private String namespaceAfterIndexing(Path target) {
        Set<String> namespaces = locator.namespacesOf(target);
        return namespaces.size() == 1 ? namespaces.iterator().next() : this.namespaces.defaultNamespace();
    }

    /**
     * Looks the id up again once the file's lock is held: a delete or edit of the same id that held the lock first has
     * retired it, and this call must then change nothing rather than hit whichever entry now sits on those lines.
     */
    private StoredChunk findAgain(String chunkId) {
        return locator.find(chunkId).orElseThrow(() -> new NotFoundException("Chunk " + chunkId + " not found: "
                + "it was deleted or edited (an edit gives the entry a new id) while this call waited for the file."));
    }

    /**
     * Re-indexes a file whose new bytes are already on disk. The write happened, so an indexing failure (busy
     * database, a file the indexer skips) is not an error of the write: a retry would write it twice. The failure is
     * returned as an "index pending" note; the next index run or watcher event catches up.
     */
    private String reindexAfterWrite(Path file, String namespace, boolean forceUnsafe, Set<String> retiredIds) {
        try {
            reindexer.reindex(file, namespace, forceUnsafe, retiredIds);
            return null;
        } catch (RuntimeException e) {
            return indexPending(file, e);
        }
    }

    private static String indexPending(Path file, RuntimeException e) {
        return "index pending: the change is saved in " + file + ", but indexing it failed (" + e.getMessage()
                + "); run mm index " + file + " to retry, or let the file watcher pick it up";
    }

    /** The indexer skips files over the limit, so a write that would push a file past it is refused up front. */
    private static void requireIndexableSize(Path file, long newSize) {
        if (newSize > FileReindexer.MAX_FILE_BYTES) {
            throw new InvalidInputException("file", file + " would grow to " + newSize + " bytes, past the "
                    + FileReindexer.MAX_FILE_BYTES / (1024 * 1024) + " MB the indexer reads: nothing was written; "
                    + "write to another file (file=, mm add --file) or split this one");
        }
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private StoredChunk find(String chunkId) {
        if (chunkId == null || chunkId.isBlank()) {
            throw new InvalidInputException("chunk_id", "chunk_id must not be empty: pass the id of a search result");
        }
        return locator.find(chunkId).orElseThrow(() -> NotFoundException.chunk(chunkId));
    }

    private static FileText read(Path source, StoredChunk chunk) throws IOException {
        try {
            return FileText.of(FileWrites.readUtf8(source));
        } catch (NoSuchFileException e) {
            throw new MemtomemException("Chunk " + chunk.id() + " comes from " + chunk.source()
                    + ", which no longer exists: re-run mm index to drop its chunks");
        }
    }

    private String chunkIdAt(Path source, int line) {
        return locator.chunksOf(source).stream()
                .filter(chunk -> chunk.startLine() <= line && line <= chunk.endLine())
                .map(StoredChunk::id)
                .findFirst()
                .orElse(null);
    }

    private MemoryPaths memoryPaths() {
        return MemoryPaths.userTier(indexing);
    }

    private static MemtomemException ioFailure(Path file, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getMessage();
        return new MemtomemException("Cannot write memory file " + file + ": " + reason
                + ": check that it and its directory are writable");
    }

    private static void requireSameOrAbsent(String parameter, String value, String batchValue) {
        if (value != null && !value.equals(batchValue)) {
            throw new InvalidInputException(parameter, parameter + " (" + value + ") differs from the batch's ("
                    + batchValue + "): a batch writes one file, so set it once on the batch");
        }
    }
}
