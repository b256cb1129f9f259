package io.memtomem.server.tools;

import io.memtomem.core.index.IndexProgress;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.nio.file.Path;

/**
 * {@code mem_index}: (re)index a file or directory. Per-file progress goes to the call's {@link ProgressSink}, which
 * becomes MCP progress notifications when the client sent a progress token.
 */
public final class IndexTool {
    static final InputSchema SCHEMA = InputSchema.of(
            Param.string("path", "File or directory to index; relative paths are relative to the server's working "
                    + "directory, ~ is your home.").defaultValue("."),
            Param.bool("recursive", "Also index subdirectories.").defaultValue(true),
            Param.bool("force", "Re-index files even when unchanged (keeps chunk ids).").defaultValue(false),
            Param.string("namespace", "Namespace for files indexed for the first time (stored namespaces are kept).")
                    .maxLength(128));

    private final ServerContext context;

    public IndexTool(ServerContext context) {
        this.context = context;
    }

    public Operation index() {
        return new Operation("mem_index", "core", "Index Markdown and other notes under a path so they become "
                + "searchable; unchanged files are skipped. Needed once for files that existed before the server.",
                SCHEMA, this::handle);
    }

    private String handle(ToolCall call) {
        Args args = call.args();
        Path path = context.resolvePath(args.string("path"));
        IndexResult result = context.store().index(
                new IndexRequest(path, args.bool("recursive"), args.bool("force"), args.string("namespace")),
                progress -> call.progress().report(progress.filesDone(), progress.filesTotal(), describe(progress)));
        return report(result);
    }

    private static String describe(IndexProgress progress) {
        String file = progress.currentFile() == null ? "" : " (" + progress.currentFile().getFileName() + ")";
        return "Indexed " + progress.filesDone() + "/" + progress.filesTotal() + " files" + file;
    }

    static String report(IndexResult result) {
        if (result.filesScanned() == 0 && result.errors().isEmpty()) {
            return "Indexing complete: no indexable files found";
        }
        StringBuilder text = new StringBuilder("Indexing complete:")
                .append("\n- Files scanned: ").append(result.filesScanned())
                .append("\n- Total chunks: ").append(result.totalChunks())
                .append("\n- Indexed: ").append(result.indexed())
                .append("\n- Skipped (unchanged): ").append(result.unchanged())
                .append("\n- Deleted (stale): ").append(result.deleted());
        if (result.filesSkipped() > 0) {
            text.append("\n- Files skipped (too large or binary): ").append(result.filesSkipped());
        }
        text.append("\n- Duration: ").append(result.durationMillis()).append("ms");
        if (!result.errors().isEmpty()) {
            text.append("\n- Errors:");
            result.errors().forEach(error -> text.append("\n  - ").append(error));
        }
        return text.toString();
    }
}
