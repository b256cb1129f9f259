package io.memtomem.core.status;

import io.memtomem.core.Decimals;
import io.memtomem.core.Memtomem;
import io.memtomem.core.Version;
import io.memtomem.core.config.EmbeddingConfig;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.embed.EmbeddingState;
import io.memtomem.core.embed.provider.EmbeddingException;
import io.memtomem.core.index.WatcherReport;
import io.memtomem.core.remote.HttpEndpoint;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.IndexStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The single collector and renderer behind both {@code mm status} and the {@code mem_status} tool. */
public final class StatusReports {
    private static final String FIX_PROVIDER = "check embedding.base_url / the provider's server; pending chunks are"
            + " embedded automatically once it answers";
    private static final String FIX_MODEL = "configure a provider and model this build can start (`mm config set"
            + " embedding.model ...`, or `mm init --preset english`), or `mm config set embedding.provider none`";
    private static final String FIX_EMBEDDING = "run `mm embedding-reset` (or restore the previous embedding settings)";

    private StatusReports() {
    }

    public static StatusReport collect(Memtomem memtomem, ServerBlock server) {
        return collect(memtomem, server, List.of());
    }

    /** As {@link #collect(Memtomem, ServerBlock)}, first listing warnings only the caller can know (the server's). */
    public static StatusReport collect(Memtomem memtomem, ServerBlock server, List<StatusWarning> callerWarnings) {
        MemtomemConfig config = memtomem.config();
        IndexStats stats = memtomem.stats();
        EmbeddingState embedding = memtomem.embeddingState();
        List<StatusWarning> warnings = new ArrayList<>(callerWarnings);
        memtomem.embeddingFailure().ifPresent(failure -> warnings.add(new StatusWarning("embedding_failing",
                failure + "; chunks stay pending and BM25 keeps answering", FIX_PROVIDER)));
        memtomem.watcherReport().filter(watcher -> watcher.overflows() > 0)
                .ifPresent(watcher -> warnings.add(watcherOverflow(watcher)));
        memtomem.unindexedFiles().forEach(file -> warnings.add(new StatusWarning("unindexed_file",
                file.source() + ": " + file.reason() + "; it is not searchable", file.fix())));
        return report(config, true, stats, embedding, server, warnings);
    }

    /** The watcher fell behind and rescanned instead of dropping changes: said, so nobody wonders why it was slow. */
    private static StatusWarning watcherOverflow(WatcherReport watcher) {
        String rescan = watcher.rescanPending() ? "a rescan of the memory dir is running or due"
                : "it rescanned " + watcher.rescannedDirs().stream().map(Path::toString)
                        .collect(Collectors.joining(", ")) + " (" + watcher.filesRescanned() + " files)";
        return new StatusWarning("watcher_overflow", "the file watcher got more changes than it queues "
                + watcher.overflows() + " time(s), last at " + watcher.lastOverflow() + "; " + rescan
                + " instead of dropping them", "none needed: no change is lost; if it happens all the time, keep "
                + "bulk syncs out of the memory dirs or run `mm index <dir>` after them");
    }

    /**
     * Collects without creating anything: when the database does not exist yet the index counts are zero and the
     * store is left as it is (a read-only command must not create {@code ~/.memtomem}).
     */
    public static StatusReport collect(MemtomemConfig config, ServerBlock server) {
        Path db = config.storage().sqlitePath();
        if (Files.isRegularFile(db)) {
            try (Memtomem memtomem = Memtomem.open(config)) {
                return collect(memtomem, server);
            } catch (EmbeddingException e) {
                // the index is fine, the configured embedder is not (e.g. a Python preset's model this build does
                // not bundle): status still reports the index, and says what is wrong
                try (Database database = Database.open(db)) {
                    return report(config, true, new ChunkStore(database).stats(), configuredOnly(config), server,
                            List.of(new StatusWarning("embedding_unavailable", e.getMessage(), FIX_MODEL)));
                }
            }
        }
        IndexStats empty = new IndexStats(0, 0, 0, Map.of(), 0, 0, 0);
        return report(config, false, empty, configuredOnly(config), server, List.of());
    }

    private static EmbeddingState configuredOnly(MemtomemConfig config) {
        EmbeddingConfig embedding = config.embedding();
        return new EmbeddingState(embedding.provider(), embedding.model(), embedding.dimension(),
                embedding.provider(), embedding.model(), embedding.dimension(), false, 0, 0);
    }

    public static String renderText(StatusReport report) {
        StringBuilder text = new StringBuilder();
        text.append("memtomem Status\n===============\n");
        line(text, "Version:", report.version());
        line(text, "Store:", report.storeDir().toString());
        line(text, "DB path:", report.dbPath() + (report.dbExists() ? " (" + size(report.dbSizeBytes()) + ")"
                : " (not created yet)"));
        EmbeddingState embedding = report.embedding();
        line(text, "Embedding:", embedding.storedProvider() + " / "
                + (embedding.storedModel().isEmpty() ? "-" : embedding.storedModel()));
        line(text, "Dimension:", Integer.toString(embedding.storedDimension()));
        if (embedding.storedDimension() > 0 || embedding.configuredDimension() > 0) {
            line(text, "Vectors:", embedding.vectorsStored() + " stored, " + embedding.vectorsPending() + " pending");
        }
        line(text, "Top-K:", Integer.toString(report.topK()));
        line(text, "RRF k:", Integer.toString(report.rrfK()));

        section(text, "Index stats");
        line(text, "Total chunks:", Long.toString(report.totalChunks()));
        line(text, "Source files:", report.totalSources()
                + (report.orphanedSources() > 0 ? " (" + report.orphanedSources() + " orphaned)" : ""));
        line(text, "Namespaces:", report.namespaces().isEmpty() ? "-" : report.namespaces().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", ")));

        section(text, "Memory dirs");
        if (report.memoryDirs().isEmpty()) {
            text.append("  (none configured)\n");
        }
        for (int i = 0; i < report.memoryDirs().size(); i++) {
            MemoryDirStatus dir = report.memoryDirs().get(i);
            text.append("  ").append(dir.path()).append(i == 0 ? " (write base)" : "")
                    .append(dir.exists() ? "" : " (missing)").append('\n');
        }
        if (!report.projectMemoryDirs().isEmpty()) {
            section(text, "Project memory dirs");
            for (MemoryDirStatus dir : report.projectMemoryDirs()) {
                text.append("  ").append(dir.path()).append(dir.exists() ? "" : " (missing)").append('\n');
            }
        }

        section(text, "Server");
        line(text, "Status:", serverStatus(report.server()));
        if (!report.server().serving().isEmpty()) {
            line(text, "Serving:", serving(report.server()));
        }
        if (report.server().pidFile() != null) {
            line(text, "Pid file:", report.server().pidFile().toString());
        }
        HttpEndpoint.running(report.storeDir()).ifPresent(http -> line(text, "HTTP:", http.url() + " (pid "
                + http.pid() + (http.tokenRequired() ? ", bearer token required: mm http-token" : "") + ")"));

        if (!report.warnings().isEmpty()) {
            section(text, "Warnings");
            for (StatusWarning warning : report.warnings()) {
                text.append("- ").append(warning.kind()).append(": ").append(warning.detail()).append('\n')
                        .append("  fix: ").append(warning.fix()).append('\n');
            }
        }
        return text.toString();
    }

    /** Never claims "running" from a pid alone, and never "not running" when the probe could not tell. */
    static String serverStatus(ServerBlock server) {
        if (server.cannotVerify()) {
            return "cannot verify (" + server.probeError() + ")";
        }
        if (server.running()) {
            String details = (server.pid() == null ? "pid ?" : "pid " + server.pid())
                    + (server.started() == null ? "" : ", started " + server.started());
            return "running (" + details + ")";
        }
        if (!server.serving().isEmpty()) {
            return "running without the pid lock (pid " + joined(server.serving()) + ")";
        }
        return server.pidFile() == null ? "not running" : "not running (stale pid file)";
    }

    /** e.g. {@code 2 servers (pids 11, 22); only pid 11 holds the pid lock}. */
    static String serving(ServerBlock server) {
        List<Long> pids = server.serving();
        String text = pids.size() == 1 ? "1 server (pid " + pids.get(0) + ")"
                : pids.size() + " servers (pids " + joined(pids) + ")";
        if (pids.size() > 1 && server.running() && server.pid() != null) {
            text += "; only pid " + server.pid() + " holds the pid lock, the others serve beside it";
        }
        return text;
    }

    private static String joined(List<Long> pids) {
        return pids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static StatusReport report(MemtomemConfig config, boolean dbExists, IndexStats stats,
                                       EmbeddingState embedding, ServerBlock server,
                                       List<StatusWarning> firstWarnings) {
        List<MemoryDirStatus> dirs = dirStatuses(config.indexing().memoryDirs());
        return new StatusReport(Version.current(), config.storeDir(), config.storage().sqlitePath(), dbExists,
                stats.dbSizeBytes(), stats.totalChunks(), stats.totalSources(), stats.orphanedSources(),
                stats.chunksByNamespace(), dirs, dirStatuses(config.indexing().projectMemoryDirs()), embedding,
                config.search().defaultTopK(), config.search().rrfK(), server,
                warnings(stats, embedding, dirs, withConfigWarnings(config, firstWarnings)));
    }

    /**
     * Keys neither tool knows, one warning each; and once, the keys set for the Python memtomem that this build
     * accepts without giving them an effect, so nobody believes e.g. decay is on here.
     */
    private static List<StatusWarning> withConfigWarnings(MemtomemConfig config, List<StatusWarning> firstWarnings) {
        List<StatusWarning> warnings = new ArrayList<>(firstWarnings);
        for (String unknown : config.warnings()) {
            warnings.add(new StatusWarning("config_unknown_key", unknown,
                    "fix the key's name, or remove it with `mm config unset <key>`"));
        }
        List<String> withoutEffect = config.acceptedWithoutEffect();
        if (!withoutEffect.isEmpty()) {
            warnings.add(new StatusWarning("config_keys_without_effect", "accepted, no effect in memtomem-java: "
                    + String.join(", ", withoutEffect), "none needed: these settings are the Python memtomem's and"
                    + " still apply when it reads this config"));
        }
        return warnings;
    }

    private static List<MemoryDirStatus> dirStatuses(List<Path> dirs) {
        return dirs.stream().map(dir -> new MemoryDirStatus(dir, Files.isDirectory(dir))).toList();
    }

    private static List<StatusWarning> warnings(IndexStats stats, EmbeddingState embedding,
                                                List<MemoryDirStatus> dirs, List<StatusWarning> firstWarnings) {
        List<StatusWarning> warnings = new ArrayList<>(firstWarnings);
        if (embedding.mismatch()) {
            String kind = embedding.storedDimension() != embedding.configuredDimension()
                    ? "embedding_dim_mismatch" : "embedding_policy_mismatch";
            warnings.add(new StatusWarning(kind, "stored " + describe(embedding.storedProvider(),
                    embedding.storedModel(), embedding.storedDimension()) + ", configured "
                    + describe(embedding.configuredProvider(), embedding.configuredModel(),
                    embedding.configuredDimension()) + "; writes are blocked", FIX_EMBEDDING));
        }
        if (dirs.isEmpty()) {
            warnings.add(new StatusWarning("no_memory_dirs", "indexing.memory_dirs is empty; nothing is indexed and"
                    + " mem_add has nowhere to write", "run `mm config set indexing.memory_dirs '[\"~/notes\"]'`"));
        }
        for (MemoryDirStatus dir : dirs) {
            if (!dir.exists()) {
                warnings.add(new StatusWarning("memory_dir_missing", dir.path() + " does not exist",
                        "create it, or remove it from indexing.memory_dirs"));
            }
        }
        if (stats.orphanedSources() > 0) {
            warnings.add(new StatusWarning("orphaned_sources", stats.orphanedSources()
                    + " indexed file(s) no longer exist on disk", "restore the files, or delete their index rows"
                    + " by source"));
        }
        return warnings;
    }

    private static String describe(String provider, String model, int dimension) {
        return provider + "/" + (model.isEmpty() ? "-" : model) + "/" + dimension;
    }

    private static void section(StringBuilder text, String title) {
        text.append('\n').append(title).append('\n').append("-".repeat(title.length())).append('\n');
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "%-14s%s", label, value)).append('\n');
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Decimals.fixed(bytes / 1024.0, 1) + " KB";
        }
        return Decimals.fixed(bytes / (1024.0 * 1024), 1) + " MB";
    }
}
