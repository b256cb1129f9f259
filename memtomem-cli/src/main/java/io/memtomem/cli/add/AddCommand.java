package io.memtomem.cli.add;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.IndexPending;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.common.NamespaceOption;
import io.memtomem.cli.index.PendingVectors;
import io.memtomem.core.Memtomem;
import io.memtomem.core.embed.EmbedRun;
import io.memtomem.core.write.AddOptions;
import io.memtomem.core.write.AddRequest;
import io.memtomem.core.write.AddResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mm add}: append an entry to today's markdown file (or --file) and index it at once. */
@Command(name = "add", description = {
        "Append a memory entry to a markdown file in the first memory dir and index it.",
        "Text that looks like a secret (API keys, tokens, passwords, private keys) is refused unless --force-unsafe."})
public final class AddCommand implements Callable<Integer> {
    private static final String FROM_STDIN = "-";

    private final CliContext context;

    @Parameters(paramLabel = "TEXT", description = "The entry's text; '-' reads it from stdin.")
    private String text;

    @Option(names = {"-t", "--title"}, description = "Heading of the entry (default: an automatic one).")
    private String title;

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Comma-separated tags, e.g. ops,db.")
    private List<String> tags = List.of();

    @Option(names = "--file", paramLabel = "FILE",
            description = "Target file, relative to the first memory dir (default: today's YYYY-MM-DD.md).")
    private String file;

    @Option(names = "--template", paramLabel = "NAME", description = "Structure the entry as adr, meeting, debug, "
            + "decision or procedure: TEXT is then a JSON object of the template's fields (or plain text), and the "
            + "heading becomes '## <Kind>: <title>' (the title from --title or a \"title\" field).")
    private String template;

    @Option(names = "--force-unsafe", description = "Write even though the secret-redaction gate flags the text; the "
            + "bypass is logged to stderr (rules and lines, never the secret).")
    private boolean forceUnsafe;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Retry-safe key (at most 256 characters):"
            + " repeating it within 24 h prints the first result and writes nothing.")
    private String idempotencyKey;

    @Option(names = "--allow-namespace-mix", description = "Append to a --file whose entries carry another namespace;"
            + " re-indexing then moves the whole file to this namespace.")
    private boolean allowNamespaceMix;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "user", description = "Tier to write: user (the "
            + "first memory dir), project_local (the project's .memtomem/memories.local, stays on this machine) or "
            + "project_shared (its .memtomem/memories, shared through git; needs --confirm-project-shared). A project "
            + "tier writes to the project containing the current directory, as registered in "
            + "indexing.project_memory_dirs; --file is then relative to it. Default: ${DEFAULT-VALUE}.")
    private String scope;

    @Option(names = "--confirm-project-shared", description = "Confirm a --scope project_shared write: the file is "
            + "committed with the project and shared with everyone through git.")
    private boolean confirmProjectShared;

    @Option(names = "--no-embed", description = "Leave the new chunks without vectors (keyword search finds them; "
            + "`mm embed` or a running server embeds them later).")
    private boolean noEmbed;

    @Mixin
    private NamespaceOption namespace;

    @Mixin
    private JsonOption json;

    public AddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AddResult result;
        EmbedRun embedded = EmbedRun.NOTHING;
        try (Memtomem memtomem = context.openStore()) {
            result = memtomem.add(new AddRequest(content(), title, tags, namespace.value(), file, template, scope),
                    new AddOptions(forceUnsafe, allowNamespaceMix, idempotencyKey, confirmProjectShared));
            if (!noEmbed) {
                embedded = PendingVectors.embed(context, memtomem, json.enabled());
            }
        }
        if (json.enabled()) {
            Map<String, Object> payload = toJson(result);
            PendingVectors.putJson(payload, embedded);
            Json.print(context.out(), payload);
        } else {
            String replay = result.replayed() ? " - replayed: this idempotency key was first used at "
                    + result.replayOf() + "; nothing new was written" : "";
            context.out().println("Added to " + result.file() + " (" + result.chunksIndexed() + " chunks indexed)"
                    + replay);
            Optional.ofNullable(PendingVectors.summary(embedded)).ifPresent(context.out()::println);
            IndexPending.warn(context, result.indexPending());
        }
        Optional.ofNullable(PendingVectors.failure(embedded))
                .ifPresent(failure -> context.err().println(context.palette().yellow("Warning: ") + failure));
        return ExitCode.OK.code();
    }

    private static Map<String, Object> toJson(AddResult result) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("file", result.file().toString());
        payload.put("namespace", result.namespace());
        payload.put("chunks_indexed", result.chunksIndexed());
        payload.put("replayed", result.replayed());
        if (result.replayed()) {
            payload.put("first_written_at", result.replayOf().toString());
        }
        if (result.bypassedSecrets() != null) {
            payload.put("redaction_bypassed", result.bypassedSecrets());
        }
        IndexPending.put(payload, result.indexPending());
        return payload;
    }

    private String content() {
        if (!FROM_STDIN.equals(text)) {
            return text;
        }
        try {
            return new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
