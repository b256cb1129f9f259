package io.memtomem.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;

import java.util.Map;

/**
 * The SDK's JSON-Schema validator, built on first use only. Tool arguments are checked by each tool's own
 * {@link io.memtomem.server.tools.schema.InputSchema} (the schema the host sees, with messages that say what to pass),
 * so the SDK's input check is turned off and nothing on the way to a reply uses this: the JSON-Schema library (~300
 * classes, ~100 ms on a cold JVM) is never loaded. Building the server does not check each tool schema against the
 * meta-schema either; the tests pin that every schema passes.
 */
final class DeferredSchemaCheck implements JsonSchemaValidator {
    private final ObjectMapper json;
    private JsonSchemaValidator delegate;

    DeferredSchemaCheck(ObjectMapper json) {
        this.json = json;
    }

    private synchronized JsonSchemaValidator delegate() {
        if (delegate == null) {
            delegate = new DefaultJsonSchemaValidator(json);
        }
        return delegate;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object arguments) {
        return delegate().validate(schema, arguments);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate().validateSchema(schema);
    }

    @Override
    public void assertConforms(String name, Map<String, Object> schema) {
        // the tests check every tool schema against the meta-schema
    }
}
