package io.memtomem.cli.delete;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.ChunkIdArgument;
import io.memtomem.cli.common.IndexPending;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.core.Memtomem;
import io.memtomem.core.write.DeleteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mm delete}: remove one entry's lines from its markdown file and re-index the file. */
@Command(name = "delete", description = {
        "Delete the entry a chunk id names (as shown by search --json or recall --json): its lines are removed from "
                + "the markdown file, every other line stays as it is.",
        "An id whose entry is already gone (deleted, or edited, which gives it a new id) is not found: exit 1, "
                + "nothing changes."})
public final class DeleteCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ChunkIdArgument chunkId;

    @Mixin
    private JsonOption json;

    public DeleteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DeleteResult result;
        try (Memtomem memtomem = context.openStore()) {
            result = memtomem.deleteChunk(memtomem.chunkIdFor(chunkId.value()));
        }
        if (json.enabled()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("chunk_id", result.chunkId());
            payload.put("file", result.file().toString());
            payload.put("lines_removed", result.linesRemoved());
            IndexPending.put(payload, result.indexPending());
            Json.print(context.out(), payload);
        } else {
            context.out().println("Deleted " + result.chunkId() + " from " + result.file() + " ("
                    + result.linesRemoved() + " lines removed)");
            IndexPending.warn(context, result.indexPending());
        }
        return ExitCode.OK.code();
    }
}
