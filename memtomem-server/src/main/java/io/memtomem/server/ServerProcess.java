package io.memtomem.server;

import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.locking.Os;
import io.memtomem.locking.RuntimeDirRefusedException;
import io.memtomem.server.lifecycle.LazyStore;
import io.memtomem.server.lifecycle.LockOutcome;
import io.memtomem.server.lifecycle.ParentWatcher;
import io.memtomem.server.lifecycle.ShutdownSignal;
import io.memtomem.server.lifecycle.StoreLock;
import io.memtomem.server.logging.LogLevel;
import io.memtomem.server.logging.ServerLog;
import io.memtomem.server.mcp.McpServerFactory;
import io.memtomem.server.tools.ConfigProblemTools;
import io.memtomem.server.tools.ServerContext;
import io.memtomem.server.tools.ToolMode;
import io.memtomem.server.transport.ActivityTracker;
import io.memtomem.server.transport.ProtocolOutput;
import io.modelcontextprotocol.server.McpSyncServer;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One server run (locking.md §3.3, §4): resolve the store from the configuration without opening it, ensure the
 * runtime dir and take the store's pid lock, serve MCP until stdin closes or the parent goes away, then close the
 * store, release the lock and return the exit status. The store itself is opened by the first tool call.
 */
public final class ServerProcess {
    private final Environment environment;
    private final InputStream stdin;
    private final ProtocolOutput protocol;
    private final ServerLog log;
    private final boolean watchParent;

    public ServerProcess(Environment environment, InputStream stdin, ProtocolOutput protocol, ServerLog log,
                         boolean watchParent) {
        this.environment = environment;
        this.stdin = stdin;
        this.protocol = protocol;
        this.log = log;
        this.watchParent = watchParent;
    }

    public int run() throws InterruptedException {
        // three threads from here on, so the slow first uses overlap: the pid lock (it loads JNA while the store
        // is not known yet), the protocol warm-up (Jackson), and on this one the configuration and the server build
        Os os = Os.current();
        CompletableFuture<Path> lockedStore = new CompletableFuture<>();
        CompletableFuture<StoreLock> lockTaken = StoreLock.acquireInBackground(os, lockedStore);
        McpServerFactory mcp = McpServerFactory.prepare();
        MemtomemException configProblem = null;
        MemtomemConfig config;
        try {
            config = MemtomemConfig.load(environment);
        } catch (MemtomemException e) {
            configProblem = e;
            config = MemtomemConfig.defaults(environment);
        } catch (RuntimeException e) {
            configProblem = new MemtomemException("cannot read the configuration: " + e.getMessage(), e);
            config = MemtomemConfig.defaults(environment);
        }
        ToolMode mode = ToolMode.CORE;
        try {
            mode = ToolMode.fromEnvironment(environment.env());
            LogLevel.fromEnvironment(environment.env());
        } catch (MemtomemException e) {
            configProblem = configProblem == null ? e : configProblem;
        }
        config.warnings().forEach(warning -> System.err.println("memtomem-server: warning: " + warning));
        log.attachIfPresent(config.storeDir());
        // a broken configuration names no store to lock or open, but the host still gets its initialize answer
        // and a tool list whose every call answers the problem and its fix ("failed to connect" tells nobody why)
        boolean usable = configProblem == null;
        if (!usable) {
            System.err.println("memtomem-server: " + configProblem.getMessage() + " (every tool answers this until"
                    + " it is fixed and the server restarted)");
        }
        lockedStore.complete(usable ? config.storage().sqlitePath() : null);
        ActivityTracker activity = new ActivityTracker();
        ShutdownSignal shutdown = new ShutdownSignal();
        Path storeDir = config.storeDir();
        LazyStore store = usable ? new LazyStore(config, os, () -> log.attach(storeDir))
                : LazyStore.refusing(new MemtomemException(ConfigProblemTools.message(configProblem)));
        ServerContext context = new ServerContext(config, store, os, mode, usable
                ? () -> lockTaken.join().outcome() : () -> LockOutcome.HELD, configProblem);
        // stdin stays unread until the lock is decided
        CompletableFuture<Void> lockDecided = new CompletableFuture<>();
        McpSyncServer server = mcp.start(context, stdin, protocol, activity, () -> shutdown.fire("stdin closed"),
                lockDecided);
        StoreLock lock;
        try {
            lock = lockTaken.get();
        } catch (ExecutionException e) {
            System.err.println("memtomem-server: " + lockFailure(e.getCause()));
            return 1;
        }
        lockDecided.complete(null);
        if (watchParent) {
            ParentWatcher.start(activity, shutdown);
        }
        String reason = shutdown.await();
        LoggerFactory.getLogger(ServerProcess.class).info("shutting down: {}", reason);
        server.closeGracefully();
        store.close();
        if (lock != null) {
            lock.release();
        }
        return 0;
    }

    /**
     * The configuration, or null after saying on stderr why it cannot be read: the HTTP server, started by a person
     * rather than a host, refuses to start on a broken configuration.
     */
    public static MemtomemConfig loadConfig(Environment environment) {
        try {
            return MemtomemConfig.load(environment);
        } catch (MemtomemException e) {
            System.err.println("memtomem-server: " + e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("memtomem-server: cannot read the configuration (" + e + ")");
        }
        return null;
    }

    public static String lockFailure(Throwable cause) {
        return cause instanceof RuntimeDirRefusedException ? cause.getMessage()
                : "cannot take the store's pid lock: " + cause.getMessage();
    }
}
