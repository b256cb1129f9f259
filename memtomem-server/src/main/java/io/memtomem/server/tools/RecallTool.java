package io.memtomem.server.tools;

import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.search.RecallResponse;
import io.memtomem.core.store.StoredChunk;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code mem_recall}: memories by the date they were first indexed, newest first (memory-core §5.7). */
public final class RecallTool {
    private static final int COMPACT_CONTENT = 400;

    static final InputSchema SCHEMA = InputSchema.of(
            Param.string("since", "Start date, inclusive: YYYY, YYYY-MM, YYYY-MM-DD or an ISO datetime (UTC)."),
            Param.string("until", "End date, exclusive, same formats; 2026-03 means before 2026-04-01."),
            Param.string("source_filter", "Only files whose path contains this text or matches this glob (* ? [])."),
            Param.string("tag_filter", "Only chunks carrying any of these tags (comma-separated)."),
            Param.string("namespace", "Only this namespace: exact, comma-separated list, or glob with *."),
            SearchTools.SCOPE,
            Param.integer("limit", "How many memories to return.").defaultValue(20).range(1, 500))
            .with(OutputFormat.params(OutputFormat.COMPACT, OutputFormat.STRUCTURED));

    /** Newest first, so the memories left out are the older ones, reached by moving the window back in time. */
    private static final String HOW_TO_PAGE = "Ask for fewer with limit, or see the older ones with until set to "
            + "the day after the last one shown.";

    private final ServerContext context;

    public RecallTool(ServerContext context) {
        this.context = context;
    }

    public Operation recall() {
        return new Operation("mem_recall", "core", "Browse memories by the date they were written, newest first. "
                + "Filter by period (since/until), namespace, tags or file.", SCHEMA, this::handle);
    }

    private String handle(ToolCall call) {
        Args args = call.args();
        RecallResponse response = context.store().recall(new RecallRequest(args.string("since"),
                args.string("until"), args.string("namespace"), args.string("source_filter"),
                args.string("tag_filter"), args.integer("limit"), args.string("scope")));
        ResultCap cap = context.resultCap();
        return OutputFormat.of(args) == OutputFormat.STRUCTURED ? structured(response, cap) : compact(response, cap);
    }

    private static String compact(RecallResponse response, ResultCap cap) {
        String period = "(" + (response.since() == null ? "start" : response.since()) + " → "
                + (response.until() == null ? "now" : response.until()) + ")";
        if (response.chunks().isEmpty()) {
            return "No memories found " + period + "." + Snippets.hintLines(response.hints());
        }
        String header = "Found " + response.chunks().size() + " memories " + period + ":\n";
        List<String> entries = new ArrayList<>();
        int index = 1;
        for (StoredChunk chunk : response.chunks()) {
            StringBuilder text = new StringBuilder();
            text.append("\n**[").append(index++).append("]** ").append(day(chunk.createdAt())).append(" |")
                    .append(Snippets.namespaceBadge(chunk.namespace())).append(' ').append(chunk.source());
            if (!chunk.hierarchy().isEmpty()) {
                text.append(" | ").append(Snippets.hierarchy(chunk.hierarchy()));
            }
            if (!chunk.tags().isEmpty()) {
                text.append("  tags: ").append(String.join(", ", chunk.tags()));
            }
            text.append("\n```\n").append(Snippets.head(chunk.content(), COMPACT_CONTENT)).append("\n```\n");
            entries.add(text.toString());
        }
        return cap.text(header, entries, Snippets.hintLines(response.hints()), HOW_TO_PAGE);
    }

    private static String structured(RecallResponse response, ResultCap cap) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (StoredChunk chunk : response.chunks()) {
            results.add(ChunkJson.of(chunk));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "recall");
        json.put("results", results);
        json.put("hints", response.hints());
        return cap.json(json, HOW_TO_PAGE);
    }

    private static String day(String timestamp) {
        return timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp;
    }
}
