package io.memtomem.cli.recall;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.ChunkJson;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.common.ListingFormat;
import io.memtomem.cli.common.NamespaceOption;
import io.memtomem.cli.common.Palette;
import io.memtomem.cli.common.ScopeOption;
import io.memtomem.cli.common.Text;
import io.memtomem.core.Memtomem;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.search.RecallResponse;
import io.memtomem.core.store.StoredChunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mm recall}: browse memories by creation date, newest first. */
@Command(name = "recall", description = "List memories by creation date, newest first.")
public final class RecallCommand implements Callable<Integer> {
    /** Created, short id, source, content: 99 columns. */
    private static final String ROW = "%-20s  %-" + Text.SHORT_ID + "s  %-28s  %s%n";

    private final CliContext context;

    @Option(names = "--since", paramLabel = "DATE", description = "Created on or after, e.g. 2026-05-01 or 2026-05.")
    private String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Created before, same formats as --since.")
    private String until;

    @Option(names = {"-l", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "At most N chunks (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = {"-s", "--source-filter"}, paramLabel = "PATTERN",
            description = "Only sources whose path contains this text.")
    private String source;

    @Option(names = {"-t", "--tag-filter"}, paramLabel = "TAGS",
            description = "Only chunks carrying any of these tags (comma-separated).")
    private String tags;

    @Option(names = ListingFormat.OPTION, paramLabel = "FORMAT", description = "table (default), json (the Python "
            + "memtomem's bare list) or plain.")
    private ListingFormat format;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NamespaceOption namespace;

    @Mixin
    private ScopeOption scope;

    @Mixin
    private JsonOption json;

    public RecallCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ListingFormat listing = ListingFormat.require(spec, format, ListingFormat.TABLE, ListingFormat.JSON,
                ListingFormat.PLAIN);
        RecallResponse response;
        try (Memtomem memtomem = context.openStore()) {
            response = memtomem.recall(new RecallRequest(since, until, namespace.value(), source, tags, limit,
                    scope.value()));
        }
        if (json.enabled()) {
            Json.print(context.out(), Map.of("chunks", response.chunks().stream().map(ChunkJson::of).toList()));
        } else if (listing == ListingFormat.JSON) {
            Json.print(context.out(), response.chunks().stream().map(RecallCommand::referenceRow).toList());
        } else if (listing == ListingFormat.PLAIN) {
            response.chunks().forEach(chunk -> context.out().printf(Locale.ROOT, "[%s] %s%n%s%n%n",
                    chunk.createdAt(), chunk.source(), ListingFormat.excerpt(chunk.content())));
        } else {
            print(context.out(), context.palette(), response);
        }
        response.hints().forEach(hint -> context.err().println(context.palette().yellow("Hint: ") + hint));
        return ExitCode.OK.code();
    }

    /** The Python memtomem's recall row: where and when, and the first 200 characters. */
    private static Map<String, Object> referenceRow(StoredChunk chunk) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("created_at", chunk.createdAt());
        row.put("source", chunk.source().toString());
        row.put("chunk_id", chunk.id());
        row.put("namespace", chunk.namespace());
        row.put("content", ListingFormat.excerpt(chunk.content()));
        return row;
    }

    private static void print(PrintWriter out, Palette palette, RecallResponse response) {
        if (response.chunks().isEmpty()) {
            out.println("No memories in that range.");
            return;
        }
        out.print(palette.bold(String.format(Locale.ROOT, ROW, "Created", "Id", "Source", "Content")));
        for (StoredChunk chunk : response.chunks()) {
            out.printf(Locale.ROOT, ROW, Text.truncate(chunk.createdAt(), 20), Text.shortId(chunk.id()),
                    Text.shortenPath(chunk.source(), 28), Text.truncate(Text.preview(chunk.content()), 37));
        }
    }
}
