package io.memtomem.server.http;

import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.remote.HttpBind;
import io.memtomem.core.remote.HttpEndpoint;
import io.memtomem.core.remote.HttpToken;
import io.memtomem.locking.Os;
import io.memtomem.server.ServerProcess;
import io.memtomem.server.lifecycle.LazyStore;
import io.memtomem.server.lifecycle.ShutdownSignal;
import io.memtomem.server.lifecycle.StoreLock;
import io.memtomem.server.logging.ServerLog;
import io.memtomem.server.mcp.McpServerFactory;
import io.memtomem.server.tools.ServerContext;
import io.memtomem.server.tools.ToolMode;
import io.memtomem.server.transport.ActivityTracker;
import io.modelcontextprotocol.server.McpSyncServer;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;

/**
 * {@code memtomem-server --transport http}: one Streamable HTTP server for the store that many hosts connect to. It
 * refuses to start when another HTTP server already serves the store (naming its URL), holds the store's pid lock like
 * a stdio server, announces its URL in the store dir for {@code mm status}, and runs until it is signalled.
 */
public final class HttpServerProcess {
    private final Environment environment;
    private final ServerLog log;
    private final String host;
    private final int port;
    private final ShutdownSignal shutdown = new ShutdownSignal();

    public HttpServerProcess(Environment environment, ServerLog log, String host, int port) {
        this.environment = environment;
        this.log = log;
        this.host = host;
        this.port = port;
    }

    public int run() throws InterruptedException {
        // Jetty's start-up banner is INFO noise on the server's stderr; its warnings still show
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        MemtomemConfig config = ServerProcess.loadConfig(environment);
        if (config == null) {
            return 1;
        }
        ToolMode mode;
        try {
            mode = ToolMode.fromEnvironment(environment.env());
        } catch (MemtomemException e) {
            System.err.println("memtomem-server: " + e.getMessage());
            return 1;
        }
        log.attachIfPresent(config.storeDir());
        var running = HttpEndpoint.running(config.storeDir());
        if (running.isPresent()) {
            System.err.println("memtomem-server: an HTTP server already serves this store at " + running.get().url()
                    + " (pid " + running.get().pid() + "); connect your hosts to that URL, or stop it first.");
            return 1;
        }
        var resolved = HttpBind.loopback(host);
        if (resolved.isEmpty()) {
            System.err.println("memtomem-server: --host " + host + " is not an address of this machine");
            return 2;
        }
        boolean loopback = resolved.get();
        if (!loopback) {
            HttpToken.readOrCreate(config.storeDir()); // the token must exist before anyone can connect
        }
        Os os = Os.current();
        StoreLock lock;
        try {
            lock = StoreLock.acquireInBackground(os, config.storage().sqlitePath()).get();
        } catch (ExecutionException e) {
            System.err.println("memtomem-server: " + ServerProcess.lockFailure(e.getCause()));
            return 1;
        }
        McpServerFactory mcp = McpServerFactory.prepare();
        LazyStore store = new LazyStore(config, os, () -> log.attach(config.storeDir()));
        ServerContext context = new ServerContext(config, store, os, mode, lock::outcome);
        ActivityTracker activity = new ActivityTracker();
        HttpGate gate = new HttpGate(host, loopback ? null : config.storeDir());
        McpHttpServer http;
        try {
            http = McpHttpServer.start(host, port, mcp, context, activity, gate);
        } catch (Exception e) {
            System.err.println("memtomem-server: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
            lock.release();
            return 1;
        }
        HttpEndpoint endpoint = new HttpEndpoint(ProcessHandle.current().pid(), http.url(), !loopback);
        endpoint.write(config.storeDir());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> endpoint.remove(config.storeDir()),
                "memtomem-http-endpoint-cleanup"));
        System.err.println("memtomem-server: serving MCP (Streamable HTTP) at " + http.url()
                + (loopback ? "" : " - clients must send 'Authorization: Bearer <token>' (mm http-token prints it)"));
        String reason = shutdown.await();
        LoggerFactory.getLogger(HttpServerProcess.class).info("shutting down: {}", reason);
        http.stop();
        store.close();
        endpoint.remove(config.storeDir());
        lock.release();
        return 0;
    }
}
