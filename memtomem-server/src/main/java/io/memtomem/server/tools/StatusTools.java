package io.memtomem.server.tools;

import io.memtomem.core.Memtomem;
import io.memtomem.core.Version;
import io.memtomem.core.embed.EmbeddingState;
import io.memtomem.core.status.ServerBlock;
import io.memtomem.core.status.StatusReport;
import io.memtomem.core.status.StatusReports;
import io.memtomem.core.status.StatusWarning;
import io.memtomem.core.store.IndexStats;
import io.memtomem.locking.Liveness;
import io.memtomem.server.tools.schema.ArgumentException;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports about the store and the server: {@code mem_status}, {@code mem_stats}, {@code version}, {@code embedding_reset}. */
public final class StatusTools {
    static final InputSchema STATUS_SCHEMA = InputSchema.of(
            OutputFormat.params(OutputFormat.COMPACT, OutputFormat.STRUCTURED));
    static final InputSchema STATS_SCHEMA = STATUS_SCHEMA;
    static final InputSchema VERSION_SCHEMA = InputSchema.of();
    static final InputSchema EMBEDDING_RESET_SCHEMA = InputSchema.of(
            Param.string("mode", "status shows stored vs configured embedding; apply_current re-embeds everything "
                    + "with the configured model; revert_to_stored changes the embedding settings, which only "
                    + "`mm embedding-reset --mode revert-to-stored` in a terminal may do.")
                    .oneOf("status", "apply_current", "revert_to_stored").defaultValue("status"));

    private final ServerContext context;

    public StatusTools(ServerContext context) {
        this.context = context;
    }

    public Operation status() {
        return new Operation("mem_status", "core", "Show the store's health: paths, embedding setup, index "
                + "counts, whether a server holds the store, and warnings with their fix.", STATUS_SCHEMA,
                call -> {
                    Memtomem store = context.store();
                    var config = context.config();
                    ServerBlock server = ServerBlock.withRegistry(Liveness.checkServer(context.os(),
                            config.storage().sqlitePath(), config.environment().userHome()), context.os(),
                            config.storage().sqlitePath());
                    List<StatusWarning> concurrent = context.lockOutcome().get()
                            .warning(server, ProcessHandle.current().pid()).stream().toList();
                    StatusReport report = StatusReports.collect(store, server, concurrent);
                    return OutputFormat.of(call.args()) == OutputFormat.STRUCTURED
                            ? Json.write(report.toJson()) : StatusReports.renderText(report);
                });
    }

    public Operation stats() {
        return new Operation("mem_stats", "core", "Count the indexed chunks and source files.", STATS_SCHEMA,
                call -> {
                    Memtomem store = context.store();
                    IndexStats stats = store.stats();
                    EmbeddingState embedding = store.embeddingState();
                    return OutputFormat.of(call.args()) == OutputFormat.STRUCTURED
                            ? Json.write(statsJson(stats, embedding)) : statsText(stats, embedding);
                });
    }

    public Operation version() {
        return new Operation("version", "advanced", "Show the server version, the Java runtime and the active tool "
                + "mode.", VERSION_SCHEMA, call -> "memtomem " + Version.current()
                + "\n- Runtime: Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch")
                + "\n- Tool mode: " + context.mode().label()
                + "\n- Store: " + context.config().storage().sqlitePath()
                + "\n- Embedding: " + embeddingLabel(context.config().embedding().provider(),
                        context.config().embedding().model(), context.config().embedding().dimension()));
    }

    public Operation embeddingReset() {
        return new Operation("embedding_reset", "advanced", "Show or resolve an embedding mismatch (stored vs "
                + "configured provider, model, dimension). Run it on an idle store.", EMBEDDING_RESET_SCHEMA,
                call -> {
                    String mode = call.args().string("mode");
                    if (mode.equals("revert_to_stored")) {
                        // the embedding settings decide where memory text is sent: not for an MCP client to change
                        throw new ArgumentException("mode", "revert_to_stored rewrites the embedding settings, which "
                                + "an MCP client may not change; run `mm embedding-reset --mode revert-to-stored` in "
                                + "a terminal.");
                    }
                    Memtomem store = context.store();
                    if (mode.equals("apply_current")) {
                        return "Embedding reset applied.\n" + embeddingText(store.embeddingReset());
                    }
                    return embeddingText(store.embeddingState());
                });
    }

    private static String statsText(IndexStats stats, EmbeddingState embedding) {
        StringBuilder text = new StringBuilder("Memory index statistics:")
                .append("\n- Total chunks: ").append(stats.totalChunks())
                .append("\n- Total sources: ").append(stats.totalSources())
                .append("\n- Storage backend: sqlite");
        if (embedding.mismatch()) {
            text.append("\n- Embedding: DEGRADED — stored ")
                    .append(embeddingLabel(embedding.storedProvider(), embedding.storedModel(),
                            embedding.storedDimension()))
                    .append(" vs configured ")
                    .append(embeddingLabel(embedding.configuredProvider(), embedding.configuredModel(),
                            embedding.configuredDimension()));
        }
        return text.toString();
    }

    private static Map<String, Object> statsJson(IndexStats stats, EmbeddingState embedding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_chunks", stats.totalChunks());
        json.put("total_sources", stats.totalSources());
        json.put("orphaned_sources", stats.orphanedSources());
        json.put("chunks_by_namespace", stats.chunksByNamespace());
        json.put("storage_backend", "sqlite");
        json.put("db_size_bytes", stats.dbSizeBytes());
        json.put("vectors_stored", stats.vectorsStored());
        json.put("vectors_pending", stats.vectorsPending());
        json.put("embedding_degraded", embedding.mismatch());
        return json;
    }

    private static String embeddingText(EmbeddingState state) {
        String text = "Embedding state:"
                + "\n- Stored: " + embeddingLabel(state.storedProvider(), state.storedModel(), state.storedDimension())
                + "\n- Configured: " + embeddingLabel(state.configuredProvider(), state.configuredModel(),
                        state.configuredDimension())
                + "\n- Vectors: " + state.vectorsStored() + " stored, " + state.vectorsPending() + " pending";
        return text + (state.mismatch()
                ? "\n- Mismatch: yes. Fix: mem_do(action=\"embedding_reset\", params={\"mode\": \"apply_current\"})"
                : "\n- Mismatch: no");
    }

    private static String embeddingLabel(String provider, String model, int dimension) {
        if (provider == null || provider.equals("none")) {
            return "none (BM25 only)";
        }
        return provider + " " + model + " (" + dimension + " dims)";
    }
}
