package io.memtomem.cli.edit;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.ChunkIdArgument;
import io.memtomem.cli.common.IndexPending;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.core.Memtomem;
import io.memtomem.core.write.EditResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mm edit}: replace one entry's body in its markdown file and re-index the file. */
@Command(name = "edit", description = {
        "Replace the body of the entry a chunk id names, keeping its heading and its created/tags header (TEXT "
                + "starting with '## ' replaces the heading too). The entry gets a new chunk id.",
        "An id whose entry is already gone (deleted, or edited before) is not found: exit 1, nothing changes."})
public final class EditCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ChunkIdArgument chunkId;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The new body.")
    private String text;

    @Option(names = "--tags", split = ",", paramLabel = "TAG",
            description = "Replace the entry's tags (comma-separated); omit to keep them.")
    private List<String> tags;

    @Option(names = "--force-unsafe", description = "Write even though the secret-redaction gate flags the text; the "
            + "bypass is logged to stderr (rules and lines, never the secret).")
    private boolean forceUnsafe;

    @Mixin
    private JsonOption json;

    public EditCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        EditResult result;
        try (Memtomem memtomem = context.openStore()) {
            result = memtomem.edit(memtomem.chunkIdFor(chunkId.value()), text, tags, forceUnsafe);
        }
        if (json.enabled()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("old_chunk_id", result.oldChunkId());
            payload.put("new_chunk_id", result.newChunkId());
            payload.put("file", result.file().toString());
            IndexPending.put(payload, result.indexPending());
            Json.print(context.out(), payload);
        } else {
            context.out().println("Edited " + result.oldChunkId() + " in " + result.file() + " (new id "
                    + result.newChunkId() + ")");
            IndexPending.warn(context, result.indexPending());
        }
        return ExitCode.OK.code();
    }
}
