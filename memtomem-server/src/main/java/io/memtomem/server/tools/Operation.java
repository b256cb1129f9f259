package io.memtomem.server.tools;

import io.memtomem.server.tools.schema.InputSchema;

/**
 * A core tool ({@code mem_search}) or a {@code mem_do} action ({@code edit}): name, category for {@code help}, the
 * description a host shows, its parameters and the handler. The handler returns the tool's text; failures are thrown
 * and turned into {@code Error: …} results by {@link OperationRunner}.
 */
public record Operation(String name, String category, String description, InputSchema schema, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        String handle(ToolCall call);
    }

    /** The first sentence of the description, for the instructions and {@code help} listings. */
    public String summary() {
        int end = description.indexOf(". ");
        return end < 0 ? description : description.substring(0, end + 1);
    }

    public Operation withName(String newName) {
        return new Operation(newName, category, description, schema, handler);
    }

    public Operation withCategory(String newCategory) {
        return new Operation(name, newCategory, description, schema, handler);
    }
}
