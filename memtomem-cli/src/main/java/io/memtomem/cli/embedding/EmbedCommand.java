package io.memtomem.cli.embedding;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.CliException;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.index.PendingVectors;
import io.memtomem.core.Memtomem;
import io.memtomem.core.embed.EmbedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mm embed}: give every chunk still without a vector one, with the configured model; nothing is re-indexed. */
@Command(name = "embed", description = {
        "Embed the chunks that have no vector yet (after `--no-embed`, a failed embedding run, or files the server "
                + "indexed while it was stopped).",
        "Shows a progress bar on a terminal. Does nothing when embedding.provider is none."})
public final class EmbedCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private JsonOption json;

    public EmbedCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        EmbedRun run;
        try (Memtomem memtomem = context.openStore()) {
            if (memtomem.embeddingState().mismatch()) {
                throw new CliException(ExitCode.REFUSED_OR_USAGE, "the store's vectors were made with another "
                        + "embedding model; run `mm embedding-reset` to re-embed everything with the configured one");
            }
            run = PendingVectors.embed(context, memtomem, json.enabled());
        }
        if (json.enabled()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            PendingVectors.putJson(payload, run);
            Json.print(context.out(), payload);
        } else {
            String summary = PendingVectors.summary(run);
            context.out().println(summary == null ? "Nothing to embed" : summary);
        }
        String failure = PendingVectors.failure(run);
        if (failure != null) {
            context.err().println(context.palette().yellow("Warning: ") + failure);
            return ExitCode.ERROR.code();
        }
        return ExitCode.OK.code();
    }
}
