package io.memtomem.cli.list;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.common.NamespaceOption;
import io.memtomem.core.Memtomem;
import io.memtomem.core.store.SourceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mm list}: the indexed source files with their chunk counts. */
@Command(name = "list", description = "List indexed source files with chunk counts and namespaces.")
public final class ListCommand implements Callable<Integer> {
    private static final String ROW = "%6s  %10s  %-20s  %s%n";

    private final CliContext context;

    @Option(names = {"-s", "--source"}, paramLabel = "PATTERN",
            description = "Only sources whose path contains this text or matches this glob.")
    private String source;

    @Mixin
    private NamespaceOption namespace;

    @Mixin
    private JsonOption json;

    public ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<SourceSummary> sources;
        try (Memtomem memtomem = context.openStore()) {
            sources = memtomem.listSources(source, namespace.value());
        }
        if (json.enabled()) {
            Json.print(context.out(), Map.of("sources", sources.stream().map(ListCommand::toJson).toList()));
        } else if (sources.isEmpty()) {
            context.out().println("No indexed sources.");
        } else {
            context.out().print(context.palette().bold(
                    String.format(Locale.ROOT, ROW, "Chunks", "Avg tokens", "Namespaces", "Source")));
            for (SourceSummary summary : sources) {
                context.out().printf(Locale.ROOT, ROW, summary.chunks(), summary.avgTokens(),
                        String.join(",", summary.namespaces()), summary.source());
            }
        }
        return ExitCode.OK.code();
    }

    private static Map<String, Object> toJson(SourceSummary summary) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", summary.source().toString());
        row.put("chunks", summary.chunks());
        row.put("avg_tokens", summary.avgTokens());
        row.put("namespaces", List.copyOf(summary.namespaces()));
        return row;
    }
}
