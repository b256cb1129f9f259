package io.memtomem.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.core.Version;
import io.memtomem.server.tools.IndexResources;
import io.memtomem.server.tools.Instructions;
import io.memtomem.server.tools.MemoryResource;
import io.memtomem.server.tools.Operation;
import io.memtomem.server.tools.ServerContext;
import io.memtomem.server.tools.ToolCatalog;
import io.memtomem.server.transport.ActivityTracker;
import io.memtomem.server.transport.CancellableCalls;
import io.memtomem.server.transport.ProtocolOutput;
import io.memtomem.server.transport.RequestScreen;
import io.memtomem.server.transport.SerialOutboundProvider;
import io.memtomem.server.transport.StdinGuard;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static java.util.stream.Collectors.toSet;

/**
 * Builds the MCP server on a guarded stdin and the private protocol stream, sending one message at a time:
 * serverInfo {@code memtomem} and the project version, instructions for the active tool mode, the mode's tools and
 * the read-only resources.
 * The JSON mapper and schema validator are passed explicitly (Jackson 2) rather than found through the ServiceLoader.
 */
public final class McpServerFactory {
    private final ObjectMapper json = new ObjectMapper();
    private final JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(json);
    private final CancellableCalls calls = new CancellableCalls();
    private final ClientLog clientLog = new ClientLog();

    private McpServerFactory() {
        ProtocolWarmup.start(json, mapper);
    }

    /** Creates the mappers and starts warming them up, which overlaps with the rest of the start. */
    public static McpServerFactory prepare() {
        return new McpServerFactory();
    }

    /**
     * Builds and starts the stdio server; {@code stdinReady}: stdin is not read before it completes. The first reply
     * written (the initialize answer) starts the {@link SearchWarmup}.
     */
    public McpSyncServer start(ServerContext context, InputStream stdin, ProtocolOutput protocol,
                               ActivityTracker activity, Runnable onEndOfInput, CompletableFuture<Void> stdinReady) {
        List<Operation> tools = ToolCatalog.create(context).exposed(context.mode());
        List<McpServerFeatures.SyncToolSpecification> specifications = specifications(context, tools, activity);
        SearchWarmup searchWarmup = new SearchWarmup(context, specifications, activity);
        protocol.onFrameWritten(() -> {
            activity.written();
            searchWarmup.startOnce();
        });
        StdinGuard guardedStdin = new StdinGuard(stdin, json, mapper, protocol, screen(tools), calls, activity,
                onEndOfInput, stdinReady);
        var transport = new SerialOutboundProvider(new StdioServerTransportProvider(mapper, guardedStdin, protocol,
                StdinGuard.MAX_LINE_BYTES + 1), activity, clientLog::add);
        return configure(McpServer.sync(transport), context, tools, specifications, activity);
    }

    /** Builds the server on a Streamable HTTP transport; the caller serves {@code transport} as a servlet. */
    public McpSyncServer startHttp(ServerContext context, McpStreamableServerTransportProvider transport,
                                   ActivityTracker activity) {
        List<Operation> tools = ToolCatalog.create(context).exposed(context.mode());
        return configure(McpServer.sync(new SessionListeningProvider(transport, clientLog)), context, tools,
                specifications(context, tools, activity), activity);
    }

    /** The checks the SDK gets wrong, for the mode's tools (both transports run them before the SDK). */
    public RequestScreen screen(ServerContext context) {
        return screen(ToolCatalog.create(context).exposed(context.mode()));
    }

    private RequestScreen screen(List<Operation> tools) {
        return new RequestScreen(json, tools.stream().map(Operation::name).collect(toSet()));
    }

    /** The tool calls still running, which the transports cancel ({@code notifications/cancelled}). */
    public CancellableCalls calls() {
        return calls;
    }

    public JacksonMcpJsonMapper mapper() {
        return mapper;
    }

    private List<McpServerFeatures.SyncToolSpecification> specifications(ServerContext context,
            List<Operation> tools, ActivityTracker activity) {
        return tools.stream().map(tool -> ToolBridge.specification(tool, activity, calls, context::resultCap))
                .toList();
    }

    private <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(S specification,
            ServerContext context, List<Operation> tools, List<McpServerFeatures.SyncToolSpecification> specifications,
            ActivityTracker activity) {
        List<MemoryResource> resources = new IndexResources(context).all();
        StoreEvents.watch(context.lazyStore(), clientLog);
        return specification
                .jsonMapper(mapper)
                // each tool's InputSchema checks its arguments (DeferredSchemaCheck says why the SDK's check is off)
                .jsonSchemaValidator(new DeferredSchemaCheck(json))
                .validateToolInputs(false)
                .serverInfo("memtomem", Version.current())
                .instructions(Instructions.forTools(context.mode(), tools))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .tools(specifications)
                .resources(resources.stream().filter(resource -> !resource.template())
                        .map(resource -> ResourceBridge.resource(resource, activity)).toList())
                .resourceTemplates(resources.stream().filter(MemoryResource::template)
                        .map(resource -> ResourceBridge.template(resource, activity)).toList())
                .build();
    }
}
