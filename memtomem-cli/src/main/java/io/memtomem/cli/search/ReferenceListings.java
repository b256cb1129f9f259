package io.memtomem.cli.search;

import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.ListingFormat;
import io.memtomem.core.search.SearchHit;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Search hits in the Python memtomem's {@code --format json|plain|context} shapes, for scripts written for it. */
final class ReferenceListings {
    private ReferenceListings() {
    }

    static void print(PrintWriter out, ListingFormat format, List<SearchHit> hits) {
        switch (format) {
            case JSON -> Json.print(out, hits.stream().map(ReferenceListings::jsonRow).toList());
            case PLAIN -> hits.forEach(hit -> out.printf(Locale.ROOT, "[%d] %.4f %s%n%s%n%n", hit.rank(), hit.score(),
                    hit.source(), ListingFormat.excerpt(hit.content())));
            case CONTEXT -> printContext(out, hits);
            default -> throw new IllegalArgumentException("not a reference listing: " + format);
        }
        out.flush();
    }

    private static Map<String, Object> jsonRow(SearchHit hit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", hit.rank());
        row.put("score", Math.round(hit.score() * 10_000d) / 10_000d);
        row.put("source", hit.source().toString());
        row.put("chunk_id", hit.chunkId());
        row.put("content", ListingFormat.excerpt(hit.content()));
        return row;
    }

    /** A markdown block to paste into a prompt: every hit whole, with where it came from. */
    private static void printContext(PrintWriter out, List<SearchHit> hits) {
        out.println("## Relevant Memories");
        for (SearchHit hit : hits) {
            out.println();
            String heading = hit.hierarchy().isEmpty() ? "" : " — " + String.join(" > ", hit.hierarchy());
            out.printf(Locale.ROOT, "### %d. %s%s (score %.4f)%n%n", hit.rank(), hit.source().getFileName(), heading,
                    hit.score());
            out.println(hit.content().strip());
        }
    }
}
