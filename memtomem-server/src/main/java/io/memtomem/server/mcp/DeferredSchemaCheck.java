package io.memtomem.server.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's validator with two changes: it is built on {@link ProtocolWarmup}'s thread rather than on the way to the
 * initialize reply (the JSON-Schema library loads ~200 classes, and nothing before the first tools/call needs it),
 * and building the server no longer checks each tool schema against the meta-schema on the startup path (the warm-up
 * does it on its own thread; the tests pin that every schema passes). Tool arguments are validated exactly as before;
 * a call that comes before the validator is built waits for it.
 */
final class DeferredSchemaCheck implements JsonSchemaValidator {
    private final CompletableFuture<JsonSchemaValidator> delegate;

    DeferredSchemaCheck(CompletableFuture<JsonSchemaValidator> delegate) {
        this.delegate = delegate;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object arguments) {
        return delegate.join().validate(schema, arguments);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate.join().validateSchema(schema);
    }

    @Override
    public void assertConforms(String name, Map<String, Object> schema) {
        // checked by ProtocolWarmup, off the initialize path
    }
}
