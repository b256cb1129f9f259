package io.memtomem.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.server.mcp.McpServerFactory;
import io.memtomem.server.tools.ServerContext;
import io.memtomem.server.transport.ActivityTracker;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;

/**
 * The MCP SDK's Streamable HTTP servlet ({@code /mcp}: POST messages, GET an SSE stream, DELETE ends the session
 * named by {@code Mcp-Session-Id}) on an embedded Jetty 12.1, behind the {@link ScreenFilter} and the
 * {@link SseResumption} that makes every SSE stream resumable with {@code Last-Event-ID}. Jetty because it is small (about 2.7 MB with
 * the Servlet 6.1 API the SDK's servlet needs), modular, on Maven Central, and starts in tens of milliseconds.
 */
public final class McpHttpServer {
    public static final String ENDPOINT = "/mcp";

    private final Server jetty;
    private final McpSyncServer mcp;
    private final String url;

    private McpHttpServer(Server jetty, McpSyncServer mcp, String url) {
        this.jetty = jetty;
        this.mcp = mcp;
        this.url = url;
    }

    static McpHttpServer start(String host, int port, McpServerFactory factory, ServerContext context,
                               ActivityTracker activity, HttpGate gate) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(factory.mapper())
                .mcpEndpoint(ENDPOINT)
                .securityValidator(gate.originAndHost())
                .keepAliveInterval(Duration.ofSeconds(30))
                .build();
        McpSyncServer mcp = factory.startHttp(context, transport, activity);
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("memtomem-http");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        ServletHolder servlet = new ServletHolder("mcp", transport);
        servlet.setAsyncSupported(true);
        handler.addServlet(servlet, ENDPOINT);
        FilterHolder screen = new FilterHolder(new ScreenFilter(factory.screen(context), factory.calls(), gate,
                new ObjectMapper()));
        screen.setAsyncSupported(true);
        handler.addFilter(screen, ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
        FilterHolder resumption = new FilterHolder(new SseResumption(gate.originAndHost()));
        resumption.setAsyncSupported(true);
        handler.addFilter(resumption, ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(handler);
        jetty.setStopAtShutdown(false);
        jetty.start();
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        if (shown.equals("0.0.0.0") || shown.equals("[::]")) {
            shown = "127.0.0.1";
        }
        return new McpHttpServer(jetty, mcp, "http://" + shown + ":" + connector.getLocalPort() + ENDPOINT);
    }

    public String url() {
        return url;
    }

    void stop() {
        mcp.closeGracefully();
        try {
            jetty.stop();
        } catch (Exception e) {
            LoggerFactory.getLogger(McpHttpServer.class).warn("stopping the HTTP server: {}",
                    e.getMessage());
        }
    }
}
