package io.memtomem.server.tools;

import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.search.SearchResponse;
import io.memtomem.core.store.ChunkNeighbourhood;
import io.memtomem.core.store.StoredChunk;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code mem_search} and the {@code expand} action: ranked retrieval and a chunk's neighbourhood in its file. */
public final class SearchTools {
    /** Shared with {@code mem_recall}: the memory tiers to include. */
    static final Param SCOPE = Param.string("scope", "Only these memory tiers (comma-separated): user (your memory "
            + "dirs), project_shared (the project's .memtomem/memories, shared through git), project_local (its "
            + ".memtomem/memories.local). Omit for all.");

    static final InputSchema SEARCH_SCHEMA = InputSchema.of(
            Param.string("query", "What to look for: words or a phrase.").required().maxLength(10_000),
            Param.integer("top_k", "How many results to return.").defaultValue(10).range(1, 100),
            Param.string("namespace", "Only this namespace: exact, comma-separated list, or glob with *. "
                    + "Omit to search all namespaces except system ones (archive:*, agent-runtime:*)."),
            Param.string("tag_filter", "Only chunks carrying any of these tags (comma-separated)."),
            Param.string("source_filter", "Only files whose path contains this text or matches this glob (* ? [])."),
            SCOPE,
            Param.string("as_of", "Only memories valid on this date (YYYY-MM-DD or YYYY-QN), judged by their "
                    + "valid_from/valid_to frontmatter. Default: now, so expired notes are left out."),
            Param.number("bm25_weight", "Weight of the keyword leg in the fusion (0 turns it off).").atLeast(0),
            Param.number("dense_weight", "Weight of the vector leg in the fusion (0 turns it off).").atLeast(0),
            Param.integer("context_window", "Also show this many neighbouring chunks of the same file on each "
                    + "side of every result (compact output), and mark each result [pos/total]: its place among "
                    + "its file's chunks in line order.").defaultValue(0).range(0, 10),
            Param.bool("rerank", "Rerank the fused results with a cross-encoder. Reranking is disabled in this "
                    + "build: true only adds a hint saying so."),
            Param.bool("verbose", "Deprecated: the same as output_format=\"verbose\".").defaultValue(false))
            .with(OutputFormat.params(OutputFormat.COMPACT, OutputFormat.VERBOSE, OutputFormat.STRUCTURED));

    static final InputSchema EXPAND_SCHEMA = InputSchema.of(
            Param.string("chunk_id", "The chunk to expand (the chunk_id of a search result).").required(),
            Param.integer("window", "How many chunks to add on each side.").defaultValue(2).range(0, 10))
            .with(OutputFormat.params(OutputFormat.COMPACT, OutputFormat.STRUCTURED));

    private final ServerContext context;

    public SearchTools(ServerContext context) {
        this.context = context;
    }

    public Operation search() {
        return new Operation("mem_search", "core", "Search memories by meaning and keywords; returns the best "
                + "matching chunks with their file, heading and chunk_id. Filter by namespace, tags or file.",
                SEARCH_SCHEMA, this::handleSearch);
    }

    public Operation expand() {
        return new Operation("expand", "search", "Show a chunk with its neighbouring chunks from the same file, "
                + "in line order.", EXPAND_SCHEMA, this::handleExpand);
    }

    private String handleSearch(ToolCall call) {
        Args args = call.args();
        OutputFormat format = OutputFormat.of(args);
        if (format == OutputFormat.COMPACT && args.bool("verbose")) {
            format = OutputFormat.VERBOSE;
        }
        SearchRequest request = SearchRequest.of(args.string("query"))
                .withTopK(args.integer("top_k"))
                .withNamespace(args.string("namespace"))
                .withTagFilter(args.string("tag_filter"))
                .withSourceFilter(args.string("source_filter"))
                .withWeights(args.number("bm25_weight"), args.number("dense_weight"))
                .withRerank(args.has("rerank") && args.bool("rerank"))
                .withScope(args.string("scope"))
                .withAsOf(args.string("as_of"))
                .withPipelineCounts(format == OutputFormat.VERBOSE);
        SearchResponse response = context.store().search(request);
        return switch (format) {
            case STRUCTURED -> SearchFormats.structured(response, context.resultCap());
            case VERBOSE -> SearchFormats.verbose(response, context.resultCap());
            case COMPACT -> SearchFormats.compact(response, neighbours(response, args.integer("context_window")),
                    context.resultCap());
        };
    }

    /** Each hit's chunk id to its neighbourhood in its file, when a context window was asked for. */
    private Map<String, ChunkNeighbourhood> neighbours(SearchResponse response, int window) {
        Map<String, ChunkNeighbourhood> byHit = new LinkedHashMap<>();
        if (window > 0) {
            for (SearchHit hit : response.hits()) {
                byHit.put(hit.chunkId(), context.store().expand(hit.chunkId(), window));
            }
        }
        return byHit;
    }

    private String handleExpand(ToolCall call) {
        Args args = call.args();
        String chunkId = args.string("chunk_id");
        ChunkNeighbourhood neighbourhood = context.store().expand(chunkId, args.integer("window"));
        List<StoredChunk> chunks = neighbourhood.chunks();
        // file positions of the window: the focus sits at neighbourhood.position()
        int firstPosition = neighbourhood.position() - neighbourhood.focusIndex();
        if (OutputFormat.of(args) == OutputFormat.STRUCTURED) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                Map<String, Object> item = ChunkJson.of(chunks.get(i));
                item.put("position", firstPosition + i);
                item.put("focus", i == neighbourhood.focusIndex());
                items.add(item);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", "expand");
            json.put("chunk_id", chunkId);
            json.put("file_chunks", neighbourhood.fileChunks());
            json.put("chunks", items);
            return Json.write(json);
        }
        StringBuilder text = new StringBuilder("Chunk ").append(chunkId).append(" with ")
                .append(chunks.size() - 1).append(" neighbouring chunk(s) from ").append(neighbourhood.focus().source())
                .append(":\n");
        for (int i = 0; i < chunks.size(); i++) {
            StoredChunk chunk = chunks.get(i);
            text.append("\n[").append(firstPosition + i).append('/').append(neighbourhood.fileChunks())
                    .append("] lines ").append(chunk.startLine()).append('-').append(chunk.endLine());
            if (!chunk.hierarchy().isEmpty()) {
                text.append(" | ").append(Snippets.hierarchy(chunk.hierarchy()));
            }
            text.append(" | id=").append(chunk.id());
            if (i == neighbourhood.focusIndex()) {
                text.append("  <- requested");
            }
            text.append('\n').append(chunk.content()).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
