package io.memtomem.cli.search;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.common.ListingFormat;
import io.memtomem.cli.common.NamespaceOption;
import io.memtomem.cli.common.ScopeOption;
import io.memtomem.cli.index.PendingVectors;
import io.memtomem.core.Memtomem;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.search.SearchResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mm search}: ranked hits as a table, or {@code {"results": […], "warnings": […]}} with --json;
 * {@code --format} gives the Python memtomem's renderings. Chunks that have no vector yet (so only BM25 can find
 * them) are a warning on stderr and in {@code warnings}.
 */
@Command(name = "search", description = "Search the memory index (BM25, plus vectors when an embedding is set up).")
public final class SearchCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "QUERY", description = "What to look for, in plain words.")
    private String query;

    @Option(names = {"-k", "--top-k"}, paramLabel = "N", description = "Number of results, 1-100 (default: config).")
    private Integer topK;

    @Option(names = {"-t", "--tag", "--tag-filter"}, paramLabel = "TAGS",
            description = "Only chunks carrying any of these tags (comma-separated).")
    private String tag;

    @Option(names = {"-s", "--source", "--source-filter"}, paramLabel = "PATTERN",
            description = "Only sources whose path contains this text or matches this glob.")
    private String source;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Only memories valid on this date, YYYY-MM-DD or "
            + "YYYY-QN, by their valid_from/valid_to frontmatter (default: now, so expired notes are left out).")
    private String asOf;

    @Option(names = ListingFormat.OPTION, paramLabel = "FORMAT", description = "table (default), json (the Python "
            + "memtomem's bare list, scores to 4 places), plain or context (a pasteable markdown block).")
    private ListingFormat format;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NamespaceOption namespace;

    @Mixin
    private ScopeOption scope;

    @Mixin
    private JsonOption json;

    public SearchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ListingFormat listing = ListingFormat.require(spec, format, ListingFormat.TABLE, ListingFormat.JSON,
                ListingFormat.PLAIN, ListingFormat.CONTEXT);
        SearchResponse response;
        boolean emptyIndex;
        try (Memtomem memtomem = context.openStore()) {
            SearchRequest request = SearchRequest.of(query)
                    .withTopK(topK == null ? memtomem.config().search().defaultTopK() : topK)
                    .withNamespace(namespace.value())
                    .withTagFilter(tag)
                    .withSourceFilter(source)
                    .withScope(scope.value())
                    .withAsOf(asOf)
                    .withPipelineCounts(!json.enabled() && listing == ListingFormat.TABLE);
            response = memtomem.search(request);
            emptyIndex = response.hits().isEmpty() && memtomem.stats().totalChunks() == 0;
        }
        List<String> warnings = response.vectorsPending() == 0 ? List.of()
                : List.of(PendingVectors.warning(response.vectorsPending()));
        if (json.enabled()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("results", response.hits().stream().map(SearchCommand::toJson).toList());
            payload.put("warnings", warnings);
            Json.print(context.out(), payload);
        } else if (listing == ListingFormat.TABLE) {
            new SearchTable(context.out(), context.palette()).print(response, emptyIndex);
        } else {
            ReferenceListings.print(context.out(), listing, response.hits());
        }
        warnings.forEach(warning -> context.err().println(context.palette().yellow("Warning: ") + warning));
        response.hints().forEach(hint -> context.err().println(context.palette().yellow("Hint: ") + hint));
        return ExitCode.OK.code();
    }

    private static Map<String, Object> toJson(SearchHit hit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", hit.rank());
        row.put("score", hit.score());
        row.put("source", hit.source().toString());
        row.put("hierarchy", List.copyOf(hit.hierarchy()));
        row.put("namespace", hit.namespace());
        row.put("chunk_id", hit.chunkId());
        row.put("content", hit.content());
        row.put("content_hash", hit.contentHash());
        row.put("start_line", hit.startLine());
        row.put("end_line", hit.endLine());
        return row;
    }
}
