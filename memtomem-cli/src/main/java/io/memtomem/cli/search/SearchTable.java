package io.memtomem.cli.search;

import io.memtomem.cli.common.Palette;
import io.memtomem.cli.common.Text;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchResponse;

import java.io.PrintWriter;
import java.util.Locale;

/** The human form of search results: {@code Rank  Score  Source  Content}, then the candidate counts. */
final class SearchTable {
    private static final int SOURCE_WIDTH = 38;
    private static final int CONTENT_WIDTH = 60;
    private static final String ROW = "%-4s  %-7s  %-" + SOURCE_WIDTH + "s  %s%n";

    private final PrintWriter out;
    private final Palette palette;

    SearchTable(PrintWriter out, Palette palette) {
        this.out = out;
        this.palette = palette;
    }

    void print(SearchResponse response) {
        if (response.hits().isEmpty()) {
            out.println("No results.");
        } else {
            out.print(palette.bold(String.format(Locale.ROOT, ROW, "Rank", "Score", "Source", "Content")));
            for (SearchHit hit : response.hits()) {
                out.printf(Locale.ROOT, ROW, hit.rank(), String.format(Locale.ROOT, "%.4f", hit.score()),
                        Text.shortenPath(hit.source(), SOURCE_WIDTH),
                        Text.truncate(Text.oneLine(hit.content()), CONTENT_WIDTH));
            }
        }
        response.pipeline().ifPresent(counts -> out.println(palette.dim(counts.bm25Candidates() + " BM25 + "
                + counts.denseCandidates() + " dense → " + response.hits().size() + " results")));
    }
}
