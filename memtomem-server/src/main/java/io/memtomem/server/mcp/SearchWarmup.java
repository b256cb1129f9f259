package io.memtomem.server.mcp;

import io.memtomem.server.tools.ServerContext;
import io.memtomem.server.transport.ActivityTracker;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The host's first {@code mem_search}, rehearsed on a spare thread once the initialize reply is out, so the real one
 * finds its one-off costs paid: opening the store (native SQLite, schema check, file watcher), the first FTS5 query
 * and its statements, and the result formatting ({@link ProtocolWarmup} has warmed the JSON side of a tool call).
 * The store is opened first, under the lock a call takes, so a call that comes meanwhile waits for the open in
 * progress instead of doing it twice; the search is skipped when a host request is already waiting, because it would
 * only compete with that request for the CPU. Only a store that already exists is warmed: a server that is only
 * initialized must not create {@code ~/.memtomem}. Nothing reaches the client; the result is dropped, and a failure
 * is left for the real call to meet and report.
 */
final class SearchWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(SearchWarmup.class);
    static final String TOOL = "mem_search";
    /** A prefix term most notes match, so ranking and result formatting run too. */
    private static final McpSchema.CallToolRequest CALL = McpSchema.CallToolRequest.builder(TOOL)
            .arguments(Map.of("query", "the")).build();

    private final ServerContext context;
    private final McpServerFeatures.SyncToolSpecification search;
    private final ActivityTracker activity;
    private final AtomicBoolean started = new AtomicBoolean();

    SearchWarmup(ServerContext context, List<McpServerFeatures.SyncToolSpecification> tools, ActivityTracker activity) {
        this.context = context;
        this.activity = activity;
        this.search = tools.stream().filter(tool -> tool.tool().name().equals(TOOL)).findFirst().orElse(null);
    }

    /** Starts the rehearsal the first time it is called, if there is a store to warm; later calls do nothing. */
    void startOnce() {
        if (!started.compareAndSet(false, true) || !worthWarming()) {
            return;
        }
        Thread thread = new Thread(this::rehearse, "memtomem-search-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean worthWarming() {
        return search != null && context.configProblem() == null
                && Files.isRegularFile(context.config().storage().sqlitePath());
    }

    private void rehearse() {
        long started = System.nanoTime();
        try {
            context.store();
            if (activity.awaitingReply()) {
                LOG.debug("store opened in the background; {} rehearsal skipped: a request is waiting", TOOL);
                return;
            }
            search.callHandler().apply(null, CALL);
            LOG.debug("first {} rehearsed in {} ms", TOOL, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("{} warm-up skipped: {}", TOOL, e.toString());
        }
    }
}
