package io.memtomem.server.tools;

import io.memtomem.core.NotFoundException;
import io.memtomem.core.store.NamespaceCount;
import io.memtomem.core.store.SourceSummary;
import io.memtomem.core.store.StoredChunk;
import io.memtomem.core.store.TagCount;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looking around the index: {@code mem_list}, {@code mem_read}, and the {@code tag_list} / {@code ns_list} actions. */
public final class BrowseTools {
    static final InputSchema LIST_SCHEMA = InputSchema.of(
            Param.string("source_filter", "Only files whose path contains this text or matches this glob (* ? [])."),
            Param.string("namespace", "Only files with chunks in this namespace."))
            .with(OutputFormat.params(OutputFormat.COMPACT, OutputFormat.STRUCTURED));
    static final InputSchema READ_SCHEMA = InputSchema.of(
            Param.string("chunk_id", "The chunk to read (a UUID, the chunk_id of a search result).").required())
            .with(OutputFormat.params(OutputFormat.COMPACT, OutputFormat.STRUCTURED));
    static final InputSchema COUNTS_SCHEMA = InputSchema.of(
            OutputFormat.params(OutputFormat.COMPACT, OutputFormat.STRUCTURED));

    private final ServerContext context;

    public BrowseTools(ServerContext context) {
        this.context = context;
    }

    public Operation list() {
        return new Operation("mem_list", "core", "List the indexed files with their chunk counts and namespaces.",
                LIST_SCHEMA, this::handleList);
    }

    public Operation read() {
        return new Operation("mem_read", "core", "Read one chunk in full, with its file, lines, heading, tags and "
                + "namespace.", READ_SCHEMA, this::handleRead);
    }

    public Operation tagList() {
        return new Operation("tag_list", "tags", "List the tags in use with their chunk counts.", COUNTS_SCHEMA,
                call -> {
                    List<TagCount> tags = context.store().tags();
                    if (OutputFormat.of(call.args()) == OutputFormat.STRUCTURED) {
                        return Json.write(tagsJson(tags));
                    }
                    StringBuilder text = new StringBuilder(tags.isEmpty() ? "No tags." : "Tags (" + tags.size() + "):");
                    tags.forEach(t -> text.append("\n- ").append(t.tag()).append(": ").append(t.chunks())
                            .append(" chunks"));
                    return text.toString();
                });
    }

    public Operation namespaceList() {
        return new Operation("ns_list", "namespace", "List the namespaces with their chunk counts.", COUNTS_SCHEMA,
                call -> {
                    List<NamespaceCount> namespaces = context.store().namespaces();
                    if (OutputFormat.of(call.args()) == OutputFormat.STRUCTURED) {
                        return Json.write(namespacesJson(namespaces));
                    }
                    StringBuilder text = new StringBuilder(namespaces.isEmpty()
                            ? "No namespaces (the index is empty)." : "Namespaces (" + namespaces.size() + "):");
                    namespaces.forEach(n -> text.append("\n- ").append(n.namespace()).append(": ")
                            .append(n.chunks()).append(" chunks"));
                    return text.toString();
                });
    }

    /** One file as {@code {path, chunks, updated, namespaces, avg_tokens}} (mem_list and memtomem://sources). */
    static Map<String, Object> sourceJson(SourceSummary source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", source.source().toString());
        json.put("chunks", source.chunks());
        json.put("updated", source.updated());
        json.put("namespaces", source.namespaces());
        json.put("avg_tokens", source.avgTokens());
        return json;
    }

    static List<Map<String, Object>> tagsJson(List<TagCount> tags) {
        return tags.stream().map(t -> counted("tag", t.tag(), t.chunks())).toList();
    }

    static List<Map<String, Object>> namespacesJson(List<NamespaceCount> namespaces) {
        return namespaces.stream().map(n -> counted("namespace", n.namespace(), n.chunks())).toList();
    }

    private static Map<String, Object> counted(String key, String name, long chunks) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(key, name);
        json.put("chunks", chunks);
        return json;
    }

    private String handleList(ToolCall call) {
        Args args = call.args();
        List<SourceSummary> sources = context.store().listSources(args.string("source_filter"),
                args.string("namespace"));
        if (OutputFormat.of(args) == OutputFormat.STRUCTURED) {
            return Json.write(Map.of("sources", sources.stream().map(BrowseTools::sourceJson).toList()));
        }
        if (sources.isEmpty()) {
            boolean filtered = args.has("source_filter") || args.has("namespace");
            return filtered ? "No files match the filter." : "No indexed files.";
        }
        StringBuilder text = new StringBuilder("Indexed files: ").append(sources.size()).append('\n');
        long chunks = 0;
        for (SourceSummary source : sources) {
            chunks += source.chunks();
            text.append("\n  ").append(source.source()).append("  — ").append(source.chunks()).append(" chunks, ~")
                    .append(source.avgTokens()).append(" tok/chunk [").append(String.join(", ", source.namespaces()))
                    .append(']');
        }
        return text.append("\n\nTotal: ").append(sources.size()).append(" files, ").append(chunks).append(" chunks")
                .toString();
    }

    private String handleRead(ToolCall call) {
        String chunkId = call.args().string("chunk_id");
        // an error, as for mem_do delete and resources/read of the same id (#16)
        StoredChunk chunk = context.store().read(chunkId).orElseThrow(() -> NotFoundException.chunk(chunkId));
        if (OutputFormat.of(call.args()) == OutputFormat.STRUCTURED) {
            return Json.write(ChunkJson.of(chunk));
        }
        StringBuilder text = new StringBuilder("## Chunk ").append(chunk.id())
                .append("\n- Source: ").append(chunk.source())
                .append("\n- Lines: ").append(chunk.startLine()).append('-').append(chunk.endLine());
        if (!chunk.hierarchy().isEmpty()) {
            text.append("\n- Heading: ").append(Snippets.hierarchy(chunk.hierarchy()));
        }
        if (!chunk.tags().isEmpty()) {
            text.append("\n- Tags: ").append(String.join(", ", chunk.tags()));
        }
        return text.append("\n- Namespace: ").append(chunk.namespace()).append("\n---\n").append(chunk.content())
                .toString();
    }
}
