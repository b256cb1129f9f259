package io.memtomem.cli.embedding;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.index.ProgressBar;
import io.memtomem.core.Memtomem;
import io.memtomem.core.embed.EmbedProgressListener;
import io.memtomem.core.embed.EmbeddingState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mm embedding-reset}: adopt the configured embedding model by re-embedding every chunk. */
@Command(name = "embedding-reset", description = {
        "Re-embed every chunk with the configured embedding model.",
        "Run it after changing embedding.provider, embedding.model or embedding.dimension; the configured model "
                + "then becomes the stored one. Shows a progress bar on a terminal."})
public final class EmbeddingResetCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private JsonOption json;

    public EmbeddingResetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        EmbeddingState state;
        try (Memtomem memtomem = context.openStore()) {
            state = memtomem.embeddingReset(context.interactive() && !json.enabled()
                    ? ProgressBar.on(context.err()) : EmbedProgressListener.NONE);
        }
        if (json.enabled()) {
            Json.print(context.out(), toJson(state));
        } else {
            print(context.out(), state);
        }
        return ExitCode.OK.code();
    }

    private static void print(PrintWriter out, EmbeddingState state) {
        out.println("Stored:     " + state.storedProvider() + " / " + state.storedModel()
                + " (" + state.storedDimension() + ")");
        out.println("Configured: " + state.configuredProvider() + " / " + state.configuredModel()
                + " (" + state.configuredDimension() + ")");
        out.println("Vectors:    " + state.vectorsStored() + " stored, " + state.vectorsPending() + " pending");
        out.println("Mismatch:   " + (state.mismatch() ? "yes" : "no"));
    }

    private static Map<String, Object> toJson(EmbeddingState state) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stored", Map.of("provider", state.storedProvider(), "model", state.storedModel(),
                "dimension", state.storedDimension()));
        payload.put("configured", Map.of("provider", state.configuredProvider(), "model", state.configuredModel(),
                "dimension", state.configuredDimension()));
        payload.put("vectors_stored", state.vectorsStored());
        payload.put("vectors_pending", state.vectorsPending());
        payload.put("mismatch", state.mismatch());
        return payload;
    }
}
