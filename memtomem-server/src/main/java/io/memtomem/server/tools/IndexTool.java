package io.memtomem.server.tools;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.index.IndexProgress;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import io.memtomem.core.scope.MemoryDirScope;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;
import io.modelcontextprotocol.spec.McpSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mem_index}: (re)index the memory dirs, or one file or directory inside them ({@link MemoryDirScope}: an
 * agent's index call must not pull other files, a source tree or a home dir full of secrets, into the shared store;
 * a terminal user indexes anything with {@code mm index}).
 * Per-file progress goes to the call's {@link ProgressSink}, which becomes MCP progress notifications when the client
 * sent a progress token. A cancelled call stops at the next file boundary: the files done stay indexed whole.
 */
public final class IndexTool {
    static final InputSchema SCHEMA = InputSchema.of(
            Param.string("path", "File or directory inside a configured memory dir; relative paths are relative to "
                    + "the server's working directory, ~ is your home. Omit it to index every memory dir."),
            Param.bool("recursive", "Also index subdirectories.").defaultValue(true),
            Param.bool("force", "Re-index files even when unchanged (keeps chunk ids).").defaultValue(false),
            Param.string("namespace", "Namespace for files indexed for the first time (stored namespaces are kept).")
                    .maxLength(128),
            Param.bool("auto_tag", "Also add keyword tags (TF-IDF, no model) to the chunks this run inserted or "
                    + "changed; unchanged chunks are left alone. " + TagTools.STORAGE_NOTE).defaultValue(false),
            TagTools.MAX_TAGS);

    private final ServerContext context;
    private final MemoryDirScope scope;

    public IndexTool(ServerContext context) {
        this.context = context;
        this.scope = MemoryDirScope.of(context.config());
    }

    public Operation index() {
        return new Operation("mem_index", "core", "Re-index the memory dirs, or one file or folder inside them, so "
                + "their notes are searchable; unchanged files are skipped. Needed once for files that were there "
                + "before the server started. A path outside the memory dirs is refused: add it to "
                + "indexing.memory_dirs, or index it from a terminal with mm index PATH. auto_tag=true also adds "
                + "keyword tags to the new and changed chunks.",
                SCHEMA, this::handle);
    }

    private String handle(ToolCall call) {
        Args args = call.args();
        String path = args.string("path");
        List<Path> roots = path == null ? scope.existingDirs() : List.of(requireInside(context.resolvePath(path)));
        List<IndexResult> results = new ArrayList<>();
        call.log().log(McpSchema.LoggingLevel.INFO, "indexing started: " + roots.size() + " folder(s) or file(s)");
        int filesBefore = 0;
        for (Path root : roots) {
            // one count across all roots, so the progress a client sees only ever grows
            int offset = filesBefore;
            IndexResult result = context.store().index(
                    new IndexRequest(root, args.bool("recursive"), args.bool("force"), args.string("namespace")),
                    progress -> call.progress().report(offset + progress.filesDone(),
                            offset + progress.filesTotal(), describe(offset, progress)),
                    call.cancellation()::isCancelled);
            results.add(result);
            filesBefore += result.filesScanned();
        }
        IndexResult result = combined(results);
        call.log().log(result.errors().isEmpty() ? McpSchema.LoggingLevel.INFO : McpSchema.LoggingLevel.WARNING,
                "indexing finished: " + result.filesScanned() + " file(s), " + result.indexed() + " chunk(s) written, "
                        + result.unchanged() + " unchanged, " + result.errors().size() + " error(s), in "
                        + result.durationMillis() + " ms");
        String report = report(result);
        if (!args.bool("auto_tag") || result.filesScanned() == 0) {
            return report;
        }
        int tagged = context.store().autoTagChunks(result.writtenChunkIds(), args.integer("max_tags")).chunksTagged();
        return report + "\n- Auto-tagged: " + tagged + " chunks";
    }

    private Path requireInside(Path path) {
        return scope.locate(path).orElseThrow(() -> new InvalidInputException("path", "path is outside configured "
                + "memory directories: " + path + ". Add it to indexing.memory_dirs (MEMTOMEM_INDEXING__MEMORY_DIRS) or "
                + "index it from a terminal with mm index " + path + "."));
    }

    private static String describe(int offset, IndexProgress progress) {
        String file = progress.currentFile() == null ? "" : " (" + progress.currentFile().getFileName() + ")";
        return "Indexed " + (offset + progress.filesDone()) + "/" + (offset + progress.filesTotal()) + " files"
                + file;
    }

    /** The totals of indexing several roots one after the other. */
    private static IndexResult combined(List<IndexResult> results) {
        List<String> errors = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        List<String> written = new ArrayList<>();
        results.forEach(result -> {
            errors.addAll(result.errors());
            blocked.addAll(result.blocked());
            written.addAll(result.writtenChunkIds());
        });
        return new IndexResult(results.stream().mapToInt(IndexResult::filesScanned).sum(),
                results.stream().mapToLong(IndexResult::totalChunks).sum(),
                results.stream().mapToLong(IndexResult::unchanged).sum(),
                results.stream().mapToLong(IndexResult::deleted).sum(),
                results.stream().mapToInt(IndexResult::filesSkipped).sum(),
                errors,
                blocked,
                results.stream().mapToLong(IndexResult::durationMillis).sum(),
                written,
                results.stream().mapToInt(IndexResult::sourcesRemoved).sum());
    }

    static String report(IndexResult result) {
        if (result.filesScanned() == 0 && result.sourcesRemoved() == 0 && result.errors().isEmpty()
                && result.blocked().isEmpty()) {
            return "Indexing complete: no indexable files found";
        }
        StringBuilder text = new StringBuilder("Indexing complete:")
                .append("\n- Files scanned: ").append(result.filesScanned())
                .append("\n- Total chunks: ").append(result.totalChunks())
                .append("\n- Indexed: ").append(result.indexed())
                .append("\n- Skipped (unchanged): ").append(result.unchanged())
                .append("\n- Deleted (stale): ").append(result.deleted())
                .append("\n- Blocked (redaction): ").append(result.filesBlocked());
        if (result.sourcesRemoved() > 0) {
            text.append("\n- Removed (vanished files): ").append(result.sourcesRemoved());
        }
        if (result.filesSkipped() > 0) {
            text.append("\n- Files skipped (too large or binary): ").append(result.filesSkipped());
        }
        text.append("\n- Duration: ").append(result.durationMillis()).append("ms");
        appendList(text, "Blocked files", result.blocked());
        appendList(text, "Errors", result.errors());
        return text.toString();
    }

    private static void appendList(StringBuilder text, String heading, List<String> items) {
        if (!items.isEmpty()) {
            text.append("\n- ").append(heading).append(':');
            items.forEach(item -> text.append("\n  - ").append(item));
        }
    }
}
