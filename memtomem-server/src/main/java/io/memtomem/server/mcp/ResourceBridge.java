package io.memtomem.server.mcp;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.NotFoundException;
import io.memtomem.server.tools.MemoryResource;
import io.memtomem.server.tools.OperationRunner;
import io.memtomem.server.transport.ActivityTracker;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A {@link MemoryResource} as an SDK resource or resource template. A read counts as activity, like a tool call, and
 * its failures become JSON-RPC errors rather than exceptions in the transport: a bad argument is invalid params, an
 * unknown chunk is resource-not-found, anything else an internal error whose cause only the log names.
 */
final class ResourceBridge {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceBridge.class);

    private ResourceBridge() {
    }

    static McpServerFeatures.SyncResourceSpecification resource(MemoryResource resource, ActivityTracker activity) {
        McpSchema.Resource described = McpSchema.Resource.builder(resource.uri(), resource.name())
                .description(resource.description()).mimeType(MemoryResource.MIME_TYPE).build();
        return new McpServerFeatures.SyncResourceSpecification(described,
                (exchange, request) -> read(resource, request.uri(), activity));
    }

    static McpServerFeatures.SyncResourceTemplateSpecification template(MemoryResource resource,
                                                                        ActivityTracker activity) {
        McpSchema.ResourceTemplate described = McpSchema.ResourceTemplate.builder(resource.uri(), resource.name())
                .description(resource.description()).mimeType(MemoryResource.MIME_TYPE).build();
        return new McpServerFeatures.SyncResourceTemplateSpecification(described,
                (exchange, request) -> read(resource, request.uri(), activity));
    }

    static McpSchema.ReadResourceResult read(MemoryResource resource, String uri, ActivityTracker activity) {
        activity.begin();
        try {
            String json = resource.reader().read(uri);
            return new McpSchema.ReadResourceResult(List.of(McpSchema.TextResourceContents.builder(uri, json)
                    .mimeType(MemoryResource.MIME_TYPE).build()));
        } catch (RuntimeException failure) {
            throw error(uri, failure);
        } finally {
            activity.end();
        }
    }

    static McpError error(String uri, RuntimeException failure) {
        if (failure instanceof InvalidInputException) {
            return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(failure.getMessage()).build();
        }
        if (failure instanceof NotFoundException) {
            return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(failure.getMessage())
                    .data(Map.of("uri", uri)).build();
        }
        if (failure instanceof MemtomemException) {
            return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(failure.getMessage()).build();
        }
        LOG.warn("reading {} failed", uri, failure);
        return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(OperationRunner.INTERNAL_ERROR).build();
    }
}
