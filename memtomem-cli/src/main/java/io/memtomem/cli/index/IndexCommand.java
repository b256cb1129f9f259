package io.memtomem.cli.index;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.CliException;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.common.NamespaceOption;
import io.memtomem.core.Memtomem;
import io.memtomem.core.embed.EmbedRun;
import io.memtomem.core.index.IndexProgressListener;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import io.memtomem.core.tag.AutoTagRequest;
import io.memtomem.core.tag.AutoTagResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mm index}: a one-shot (incremental) index of a file or directory. */
@Command(name = "index", description = {
        "Index a file or a directory of notes.",
        "Unchanged files are skipped unless --force. Files that look like they hold a secret (API keys, tokens, "
                + "passwords, private keys) are not indexed and are listed as blocked, unless --force-unsafe. Shows a "
                + "progress bar on a terminal and prints a one-line summary.",
        "--auto-tag also gives the chunks this run inserted or changed up to --max-tags keyword tags: their words "
                + "that are frequent in the chunk and rare in the store (TF-IDF, no model; stop-words, short words "
                + "and numbers are skipped). The tags live in the index only, like access counts: the files are not "
                + "rewritten, tag filters and `tag_list` see them, and a chunk whose text changes loses them. "
                + "--json then adds auto_tagged (chunks) and tags_added.",
        "With an embedding provider configured, every chunk still without a vector is embedded before the command "
                + "returns (a second progress bar on a terminal; --json adds embedded and vectors_pending), so "
                + "semantic search finds it at once. --no-embed skips that; `mm embed` does it later."})
public final class IndexCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "PATH", arity = "0..1", defaultValue = ".",
            description = "File or directory to index, relative to the current dir (default: the current dir).")
    private Path path;

    @Option(names = "--force", description = "Re-index files even when their content is unchanged.")
    private boolean force;

    @Option(names = "--no-recursive", description = "Index only the files directly inside PATH.")
    private boolean noRecursive;

    @Option(names = "--auto-tag", description = "Add keyword tags to the new and changed chunks (see above).")
    private boolean autoTag;

    @Option(names = "--max-tags", paramLabel = "N", description = "With --auto-tag: at most N keyword tags per chunk, "
            + AutoTagRequest.MIN_TAGS + "-" + AutoTagRequest.MAX_TAGS + " (default: "
            + AutoTagRequest.DEFAULT_MAX_TAGS + ").")
    private Integer maxTags;

    @Option(names = "--force-unsafe", description = "Also index files the secret-redaction gate flags; each one is "
            + "logged to stderr (rules and lines, never the secret).")
    private boolean forceUnsafe;

    @Option(names = "--no-embed", description = "Index only; leave the new chunks without vectors (keyword search "
            + "finds them; `mm embed` or a running server embeds them later).")
    private boolean noEmbed;

    @Mixin
    private NamespaceOption namespace;

    @Mixin
    private JsonOption json;

    public IndexCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // a path that no longer exists is still indexed: what was indexed there loses its chunks
        Path target = context.environment().cwd().resolve(path).normalize();
        int tagsPerChunk = tagsPerChunk();
        IndexResult result;
        AutoTagResult tagged = null;
        EmbedRun embedded = EmbedRun.NOTHING;
        try (Memtomem memtomem = context.openStore()) {
            result = index(context, memtomem, new IndexRequest(target, !noRecursive, force, namespace.value(),
                    forceUnsafe), !json.enabled());
            if (autoTag) {
                tagged = memtomem.autoTagChunks(result.writtenChunkIds(), tagsPerChunk);
            }
            if (!noEmbed) {
                embedded = PendingVectors.embed(context, memtomem, json.enabled());
            }
        }
        if (json.enabled()) {
            Map<String, Object> payload = toJson(result, tagged);
            PendingVectors.putJson(payload, embedded);
            Json.print(context.out(), payload);
        } else {
            context.out().println(summary(result));
            if (tagged != null) {
                context.out().println("Auto-tagged " + tagged.chunksTagged() + " chunk(s) with "
                        + tagged.tagsAdded() + " keyword tag(s)");
            }
            Optional.ofNullable(PendingVectors.summary(embedded)).ifPresent(context.out()::println);
            result.blocked().forEach(blocked -> context.err().println(context.palette().yellow("Blocked: ") + blocked));
            result.errors().forEach(error -> context.err().println(context.palette().yellow("Warning: ") + error));
        }
        Optional.ofNullable(PendingVectors.failure(embedded))
                .ifPresent(failure -> context.err().println(context.palette().yellow("Warning: ") + failure));
        return ExitCode.OK.code();
    }

    /** --max-tags, checked before anything is indexed; it means nothing without --auto-tag. */
    private int tagsPerChunk() {
        if (maxTags == null) {
            return AutoTagRequest.DEFAULT_MAX_TAGS;
        }
        if (!autoTag) {
            throw new CliException(ExitCode.REFUSED_OR_USAGE, "--max-tags only applies with --auto-tag");
        }
        if (maxTags < AutoTagRequest.MIN_TAGS || maxTags > AutoTagRequest.MAX_TAGS) {
            throw new CliException(ExitCode.REFUSED_OR_USAGE, "--max-tags must be between " + AutoTagRequest.MIN_TAGS
                    + " and " + AutoTagRequest.MAX_TAGS + ", got " + maxTags);
        }
        return maxTags;
    }

    /**
     * The indexing {@code mm index} runs, which {@code mm init} also runs on the memory dirs it sets up. The bar is
     * for a person watching; scripts and --json get only the final result.
     */
    public static IndexResult index(CliContext context, Memtomem memtomem, IndexRequest request, boolean showProgress) {
        IndexProgressListener progress = context.interactive() && showProgress
                ? ProgressBar.on(context.err()) : null;
        return memtomem.index(request, progress);
    }

    /** {@code Indexed N file(s): a new, b unchanged, c deleted (Xms)}, the line scripts and people read. */
    public static String summary(IndexResult result) {
        String skipped = result.filesSkipped() == 0 ? "" : ", " + result.filesSkipped() + " file(s) skipped";
        String blocked = result.filesBlocked() == 0 ? "" : ", " + result.filesBlocked() + " file(s) blocked (redaction)";
        String removed = result.sourcesRemoved() == 0 ? ""
                : ", " + result.sourcesRemoved() + " vanished file(s) dropped";
        return "Indexed " + result.filesScanned() + " file(s): " + result.indexed() + " new, " + result.unchanged()
                + " unchanged, " + result.deleted() + " deleted" + skipped + blocked + removed + " ("
                + result.durationMillis() + "ms)";
    }

    private static Map<String, Object> toJson(IndexResult result, AutoTagResult tagged) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("files_scanned", result.filesScanned());
        payload.put("total_chunks", result.totalChunks());
        payload.put("indexed", result.indexed());
        payload.put("unchanged", result.unchanged());
        payload.put("deleted", result.deleted());
        payload.put("sources_removed", result.sourcesRemoved());
        payload.put("files_skipped", result.filesSkipped());
        payload.put("blocked", result.filesBlocked());
        payload.put("blocked_files", result.blocked());
        payload.put("errors", result.errors());
        payload.put("duration_ms", result.durationMillis());
        if (tagged != null) {
            payload.put("auto_tagged", tagged.chunksTagged());
            payload.put("tags_added", tagged.tagsAdded());
        }
        return payload;
    }
}
