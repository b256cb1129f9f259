package io.memtomem.server.tools;

import io.memtomem.core.search.PipelineCounts;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchResponse;
import io.memtomem.core.store.ChunkNeighbourhood;
import io.memtomem.core.store.StoredChunk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The three renderings of a search response (memory-core §5.6). */
final class SearchFormats {
    private static final int COMPACT_CONTENT = 500;
    private static final int NEIGHBOUR_SNIPPET = 200;
    static final String HOW_TO_PAGE = "Ask for fewer with top_k, or narrow the search with namespace, tag_filter "
            + "or source_filter.";

    private SearchFormats() {
    }

    /**
     * {@code [rank] score | [ns] file > hierarchy}, the first 500 characters, and with a context window the hit's
     * {@code [pos/total]} in its file and the neighbour snippets.
     */
    static String compact(SearchResponse response, Map<String, ChunkNeighbourhood> neighbours, ResultCap cap) {
        if (response.hits().isEmpty()) {
            return empty(response);
        }
        List<String> entries = new ArrayList<>();
        for (SearchHit hit : response.hits()) {
            StringBuilder text = new StringBuilder();
            text.append('\n').append('[').append(hit.rank()).append("] ")
                    .append(String.format(Locale.ROOT, "%.2f", hit.score())).append(" |")
                    .append(Snippets.namespaceBadge(hit.namespace())).append(' ').append(hit.source().getFileName());
            if (!hit.hierarchy().isEmpty()) {
                text.append(" > ").append(Snippets.hierarchy(hit.hierarchy()));
            }
            ChunkNeighbourhood around = neighbours.get(hit.chunkId());
            if (around != null) {
                text.append(" [").append(around.position()).append('/').append(around.fileChunks()).append(']');
            }
            text.append('\n');
            List<StoredChunk> before = around == null ? List.of() : around.before();
            List<StoredChunk> after = around == null ? List.of() : around.after();
            before.forEach(chunk -> text.append("  ^ ")
                    .append(oneLine(Snippets.tail(chunk.content(), NEIGHBOUR_SNIPPET))).append('\n'));
            text.append(Snippets.head(hit.content(), COMPACT_CONTENT)).append('\n');
            after.forEach(chunk -> text.append("  v ")
                    .append(oneLine(Snippets.head(chunk.content(), NEIGHBOUR_SNIPPET))).append('\n'));
            entries.add(text.toString());
        }
        return cap.text(found(response), entries, Snippets.hintLines(notes(response)), HOW_TO_PAGE);
    }

    private static String found(SearchResponse response) {
        return "Found " + response.hits().size() + " results:\n";
    }

    /** Scores to 4 places, chunk ids, full paths, fenced content, and the pipeline counts. */
    static String verbose(SearchResponse response, ResultCap cap) {
        if (response.hits().isEmpty()) {
            return empty(response);
        }
        List<String> entries = new ArrayList<>();
        for (SearchHit hit : response.hits()) {
            StringBuilder text = new StringBuilder();
            text.append("\n**[").append(hit.rank()).append("]** score=")
                    .append(String.format(Locale.ROOT, "%.4f", hit.score()))
                    .append(" | id=").append(hit.chunkId()).append(" |")
                    .append(Snippets.namespaceBadge(hit.namespace())).append(' ').append(hit.source());
            if (!hit.hierarchy().isEmpty()) {
                text.append(" | ").append(Snippets.hierarchy(hit.hierarchy()));
            }
            text.append("\n```\n").append(Snippets.head(hit.content(), COMPACT_CONTENT)).append("\n```\n");
            entries.add(text.toString());
        }
        String pipeline = response.pipeline().map(counts -> "\n\n---\npipeline: BM25:" + counts.bm25Candidates()
                + " → Dense:" + counts.denseCandidates() + " → RRF:" + counts.beforeFilterCount()
                + " → Final:" + response.hits().size()).orElse("");
        return cap.text(found(response), entries, pipeline + Snippets.hintLines(notes(response)), HOW_TO_PAGE);
    }

    /** {@code {"results":[…],"score_scale":…,"hints":[…],"warnings":[…]}} with full content. */
    static String structured(SearchResponse response, ResultCap cap) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (SearchHit hit : response.hits()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("rank", hit.rank());
            item.put("score", Math.round(hit.score() * 10_000) / 10_000.0);
            item.put("source", hit.source().toString());
            item.put("hierarchy", Snippets.hierarchy(hit.hierarchy()));
            item.put("namespace", hit.namespace());
            item.put("chunk_id", hit.chunkId());
            item.put("content", hit.content());
            item.put("content_hash", hit.contentHash());
            item.put("start_line", hit.startLine());
            item.put("end_line", hit.endLine());
            results.add(item);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("results", results);
        json.put("score_scale", response.scoreScale());
        if (!response.hints().isEmpty()) {
            json.put("hints", response.hints());
        }
        List<String> warnings = warnings(response);
        if (!warnings.isEmpty()) {
            json.put("warnings", warnings);
        }
        return cap.json(json, HOW_TO_PAGE);
    }

    /** Chunks the vector leg could not see yet: how many, what it means, and that this server is on it. */
    static List<String> warnings(SearchResponse response) {
        return response.vectorsPending() == 0 ? List.of() : List.of(response.vectorsPending() + " chunk(s) have no "
                + "vector yet, so only keyword search finds them; this server embeds them in the background "
                + "(mem_status shows how many are left)");
    }

    /** The lines after the results: hints, then warnings. */
    private static List<String> notes(SearchResponse response) {
        List<String> notes = new ArrayList<>(response.hints());
        warnings(response).forEach(warning -> notes.add("Warning: " + warning));
        return notes;
    }

    private static String empty(SearchResponse response) {
        int beforeFilters = response.pipeline().map(PipelineCounts::beforeFilterCount).orElse(0);
        String text = beforeFilters > 0
                ? "No results match your filters (" + beforeFilters + " results found before "
                        + "filtering). Loosen tag_filter, source_filter or namespace."
                : "No results found.";
        return text + Snippets.hintLines(notes(response));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
