package io.memtomem.cli.search;

import io.memtomem.cli.common.Palette;
import io.memtomem.cli.common.Text;
import io.memtomem.core.Decimals;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchResponse;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The human form of search results: {@code Rank  Score  Id  Source  Content} in 100 columns (the id is the short
 * form {@code mm read} takes), then the candidate counts.
 */
final class SearchTable {
    private static final int SOURCE_WIDTH = 28;
    private static final int CONTENT_WIDTH = 41;
    /** The smallest score the table's four decimals show as other than 0.0000. */
    private static final double VISIBLE_SCORE = 0.00005;
    private static final String ROW = "%-4s  %-7s  %-" + Text.SHORT_ID + "s  %-" + SOURCE_WIDTH + "s  %s%n";

    private final PrintWriter out;
    private final Palette palette;

    SearchTable(PrintWriter out, Palette palette) {
        this.out = out;
        this.palette = palette;
    }

    /** @param emptyIndex the store holds no chunk at all, so "No results" says how to fill it */
    void print(SearchResponse response, boolean emptyIndex) {
        if (response.hits().isEmpty()) {
            out.println(emptyIndex
                    ? "No results: nothing is indexed yet. Add a note with `mm add TEXT`, or index your notes with "
                            + "`mm index DIR`."
                    : "No results: no indexed note matches those words (and filters). Try other or fewer words; "
                            + "notes edited outside memtomem are found after `mm index`.");
        } else {
            double top = response.hits().get(0).score();
            // BM25 on a store of a few notes weighs every word near zero: 0.0000 reads like "no match"
            double scale = top > 0 && top < VISIBLE_SCORE ? 1 / top : 1;
            out.print(palette.bold(String.format(Locale.ROOT, ROW, "Rank", "Score", "Id", "Source", "Content")));
            for (SearchHit hit : response.hits()) {
                out.printf(Locale.ROOT, ROW, hit.rank(), Decimals.fixed(hit.score() * scale, 4),
                        Text.shortId(hit.chunkId()), Text.shortenPath(hit.source(), SOURCE_WIDTH),
                        Text.truncate(Text.preview(hit.content()), CONTENT_WIDTH));
            }
        }
        if (!response.hits().isEmpty() && response.hits().get(0).score() < VISIBLE_SCORE) {
            out.println(palette.dim("Scores relative to the best hit: too few notes for BM25 to weigh words (--json: "
                    + "raw)."));
        }
        response.pipeline().ifPresent(counts -> out.println(palette.dim(counts.bm25Candidates() + " BM25 + "
                + counts.denseCandidates() + " dense → " + response.hits().size() + " results")));
    }
}
