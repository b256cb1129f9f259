package io.memtomem.cli.read;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.CliException;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.ChunkIdArgument;
import io.memtomem.cli.common.ChunkJson;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.core.Memtomem;
import io.memtomem.core.store.StoredChunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code mm read}: one chunk by id, with where it lives. */
@Command(name = "read", description = "Print one chunk by its id (as shown by search --json or recall --json).")
public final class ReadCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ChunkIdArgument chunkId;

    @Mixin
    private JsonOption json;

    public ReadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StoredChunk chunk;
        try (Memtomem memtomem = context.openStore()) {
            chunk = memtomem.read(memtomem.chunkIdFor(chunkId.value()))
                    .orElseThrow(() -> new CliException(ExitCode.ERROR, "Chunk " + chunkId.value() + " not found."));
        }
        if (json.enabled()) {
            Json.print(context.out(), ChunkJson.of(chunk));
        } else {
            print(context.out(), chunk);
        }
        return ExitCode.OK.code();
    }

    private static void print(PrintWriter out, StoredChunk chunk) {
        out.println(chunk.source() + ":" + chunk.startLine() + "-" + chunk.endLine());
        if (!chunk.hierarchy().isEmpty()) {
            out.println("Hierarchy: " + String.join(" > ", chunk.hierarchy()));
        }
        out.println("Namespace: " + chunk.namespace()
                + (chunk.tags().isEmpty() ? "" : "   Tags: " + String.join(", ", chunk.tags())));
        out.println("Created:   " + chunk.createdAt() + "   Updated: " + chunk.updatedAt());
        out.println("---");
        out.println(chunk.content().stripTrailing());
    }
}
