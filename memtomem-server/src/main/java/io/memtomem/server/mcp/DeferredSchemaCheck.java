package io.memtomem.server.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.Map;

/**
 * The SDK's validator with one change: building the server no longer checks each tool schema against the meta-schema
 * on the startup path ({@link ProtocolWarmup} does it on its own thread; the tests pin that every schema passes).
 * Tool arguments are validated exactly as before.
 */
final class DeferredSchemaCheck implements JsonSchemaValidator {
    private final JsonSchemaValidator delegate;

    DeferredSchemaCheck(JsonSchemaValidator delegate) {
        this.delegate = delegate;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object arguments) {
        return delegate.validate(schema, arguments);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate.validateSchema(schema);
    }

    @Override
    public void assertConforms(String name, Map<String, Object> schema) {
        // checked by ProtocolWarmup, off the initialize path
    }
}
