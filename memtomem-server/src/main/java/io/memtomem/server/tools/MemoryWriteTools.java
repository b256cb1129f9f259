package io.memtomem.server.tools;

import io.memtomem.core.write.AddOptions;
import io.memtomem.core.write.AddRequest;
import io.memtomem.core.write.AddResult;
import io.memtomem.core.write.BatchAddRequest;
import io.memtomem.core.write.DeleteResult;
import io.memtomem.core.write.EditResult;
import io.memtomem.core.write.EntryTemplate;
import io.memtomem.core.write.IdempotentAdds;
import io.memtomem.server.tools.schema.ArgumentException;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes to the Markdown files: {@code mem_add} and the {@code edit}, {@code delete} and {@code batch_add} actions.
 * Every write is re-indexed at once by the core, so the next search sees it.
 */
public final class MemoryWriteTools {
    private static final int MAX_CONTENT = 100_000;
    private static final int MAX_TAGS = 50;

    private static final Param TAGS = Param.stringList("tags", "Tags for the entry, e.g. [\"redis\", \"perf\"].")
            .maxItems(MAX_TAGS);
    private static final Param NAMESPACE = Param.string("namespace", "Namespace of the entry (default: default).")
            .maxLength(128);
    private static final Param FILE = Param.string("file", "Target file: relative to the first memory dir, or an "
            + "absolute path inside a memory dir. Default: today's file (UTC), e.g. 2026-03-30.md.");
    private static final Param FORCE_UNSAFE = Param.bool("force_unsafe", "Write even though the secret-redaction "
            + "gate flags the text as a credential (API key, token, password, private key). The bypass is "
            + "audit-logged. Only for text that is not really a secret.").defaultValue(false);
    private static final Param ALLOW_NAMESPACE_MIX = Param.bool("allow_namespace_mix", "Append to a file whose "
            + "memories carry another namespace; re-indexing then moves the whole file to this namespace.")
            .defaultValue(false);

    static final InputSchema ADD_SCHEMA = InputSchema.of(
            Param.string("content", "The memory, in Markdown. With a template: a JSON object of the template's "
                    + "fields, or plain text.").required().maxLength(MAX_CONTENT),
            Param.string("title", "Heading of the entry (## title). Default: a unique timestamped heading. "
                    + "Required with a template (or a \"title\" field in the JSON content).").maxLength(500),
            TAGS, FILE, NAMESPACE,
            Param.string("template", "Structure the entry with one of " + EntryTemplate.validNames()
                    + "; the template writes the heading '## <Kind>: <title>'. JSON content fields: "
                    + templateFields() + "."),
            FORCE_UNSAFE,
            Param.string("idempotency_key", "Retry-safe key: a repeat within 24 h returns the first call's result "
                    + "(marked as replayed) and writes nothing.").maxLength(IdempotentAdds.MAX_KEY_CHARS),
            ALLOW_NAMESPACE_MIX,
            Param.string("scope", "Memory tier to write: user (your memory dir), project_local (the project's "
                    + ".memtomem/memories.local, stays on this machine) or project_shared (its .memtomem/memories, "
                    + "shared through git). A project tier writes to the project containing the server's working "
                    + "directory, as registered in indexing.project_memory_dirs; file= is then relative to it.")
                    .oneOf("user", "project_local", "project_shared").defaultValue("user"),
            Param.bool("confirm_project_shared", "Required true with scope=project_shared: the file is committed "
                    + "and shared with everyone through git.").defaultValue(false));

    static final InputSchema EDIT_SCHEMA = InputSchema.of(
            Param.string("chunk_id", "The chunk to edit.").required(),
            Param.string("content", "New body; the heading and the created/tags header are kept unless the new "
                    + "content starts with '## '.").required().maxLength(MAX_CONTENT),
            TAGS.withDescription("New tags for the entry; omit to keep the current ones."),
            FORCE_UNSAFE).withAlias("new_content", "content");

    static final InputSchema DELETE_SCHEMA = InputSchema.of(
            Param.string("chunk_id", "Delete this chunk: its lines are removed from the file."),
            Param.string("source_file", "Remove the index rows of files whose path contains this text (the files "
                    + "stay; they come back on the next index)."),
            Param.string("namespace", "Remove the index rows of this namespace (the files stay)."));

    static final InputSchema BATCH_ADD_SCHEMA = InputSchema.of(
            Param.objectList("entries", "The entries to append, in order.", InputSchema.of(
                    Param.string("key", "Heading of the entry.").required().maxLength(500),
                    Param.string("value", "The memory, in Markdown.").required().maxLength(MAX_CONTENT),
                    TAGS)).required().maxItems(500),
            FILE, NAMESPACE, FORCE_UNSAFE, ALLOW_NAMESPACE_MIX);

    private final ServerContext context;

    public MemoryWriteTools(ServerContext context) {
        this.context = context;
    }

    public Operation add() {
        return new Operation("mem_add", "core", "Save a memory: appends a Markdown entry to today's file in the "
                + "memory dir (or to file) and indexes it at once. Use title and tags to make it easy to find.",
                ADD_SCHEMA, this::handleAdd);
    }

    public Operation edit() {
        return new Operation("edit", "crud", "Replace a chunk's body in its source file, keeping its heading and "
                + "header, and re-index; the chunk gets a new id.", EDIT_SCHEMA, this::handleEdit);
    }

    public Operation delete() {
        return new Operation("delete", "crud", "Delete by chunk_id (removes the entry's lines from the file), or "
                + "remove index rows by source_file or namespace. Pass exactly one of them.", DELETE_SCHEMA,
                this::handleDelete);
    }

    public Operation batchAdd() {
        return new Operation("batch_add", "crud", "Append many entries ({key, value, tags}) to one file in a "
                + "single write and index them once.", BATCH_ADD_SCHEMA, this::handleBatchAdd);
    }

    private String handleAdd(ToolCall call) {
        Args args = call.args();
        AddRequest request = new AddRequest(args.string("content"), args.string("title"), tags(args),
                args.string("namespace"), args.string("file"), args.string("template"), args.string("scope"));
        AddOptions options = new AddOptions(args.bool("force_unsafe"), args.bool("allow_namespace_mix"),
                args.string("idempotency_key"), args.bool("confirm_project_shared"));
        AddResult result = context.store().add(request, options);
        StringBuilder text = new StringBuilder("Memory added to ").append(result.file())
                .append("\n- Namespace: ").append(result.namespace())
                .append("\n- Chunks indexed: ").append(result.chunksIndexed())
                .append("\n- File: ").append(result.file());
        if (result.replayed()) {
            text.append("\n- Replayed: this idempotency_key was first used at ").append(result.replayOf())
                    .append("; nothing new was written");
        }
        appendBypass(text, result);
        appendPending(text, result.indexPending());
        return text.toString();
    }

    /** The write is on disk; only its indexing failed, so the answer is a success a host must not retry. */
    private static void appendPending(StringBuilder text, String indexPending) {
        if (indexPending != null) {
            text.append("\n- Warning: ").append(indexPending);
        }
    }

    /** Says so when force_unsafe let flagged text through, so the caller sees what the audit log recorded. */
    private static void appendBypass(StringBuilder text, AddResult result) {
        if (result.bypassedSecrets() != null) {
            text.append("\n- Redaction gate bypassed (force_unsafe, audit-logged): ").append(result.bypassedSecrets());
        }
    }

    private static String templateFields() {
        return Arrays.stream(EntryTemplate.values())
                .map(template -> template.templateName() + " (" + String.join(", ", template.fieldNames()) + ")")
                .collect(Collectors.joining("; "));
    }


    private String handleEdit(ToolCall call) {
        Args args = call.args();
        EditResult result = context.store().edit(args.string("chunk_id"), args.string("content"),
                args.strings("tags"), args.bool("force_unsafe"));
        StringBuilder text = new StringBuilder("Memory edited in ").append(result.file())
                .append("\n- Old chunk: ").append(result.oldChunkId())
                .append("\n- New chunk: ").append(result.newChunkId());
        appendPending(text, result.indexPending());
        return text.toString();
    }

    private String handleDelete(ToolCall call) {
        Args args = call.args();
        List<String> given = DELETE_SCHEMA.names().stream().filter(args::has).toList();
        if (given.size() != 1) {
            throw new ArgumentException("chunk_id", "pass exactly one of chunk_id, source_file or namespace (got "
                    + (given.isEmpty() ? "none" : String.join(", ", given)) + ").");
        }
        if (args.has("chunk_id")) {
            DeleteResult result = context.store().deleteChunk(args.string("chunk_id"));
            StringBuilder text = new StringBuilder("Deleted chunk ").append(result.chunkId()).append(" from ")
                    .append(result.file()).append(" (").append(result.linesRemoved()).append(" lines removed).");
            appendPending(text, result.indexPending());
            return text.toString();
        }
        if (args.has("source_file")) {
            int removed = context.store().deleteBySource(args.string("source_file"));
            return "Removed " + removed + " chunk(s) of files matching '" + args.string("source_file")
                    + "' from the index. The files are untouched; they come back on the next index.";
        }
        int removed = context.store().deleteByNamespace(args.string("namespace"));
        return "Removed " + removed + " chunk(s) in namespace '" + args.string("namespace")
                + "' from the index. The files are untouched; they come back on the next index.";
    }

    private String handleBatchAdd(ToolCall call) {
        Args args = call.args();
        List<AddRequest> entries = args.objects("entries").stream()
                .map(entry -> new AddRequest(entry.string("value"), entry.string("key"), tags(entry), null, null))
                .toList();
        AddResult result = context.store().batchAdd(new BatchAddRequest(entries, args.string("namespace"),
                args.string("file"), args.bool("force_unsafe"), args.bool("allow_namespace_mix")));
        StringBuilder text = new StringBuilder("Batch added ").append(entries.size()).append(" entries to ")
                .append(result.file()).append("\n- Namespace: ").append(result.namespace())
                .append("\n- Chunks indexed: ").append(result.chunksIndexed());
        appendBypass(text, result);
        appendPending(text, result.indexPending());
        return text.toString();
    }

    private static List<String> tags(Args args) {
        List<String> tags = args.strings("tags");
        return tags == null ? List.of() : tags;
    }
}
