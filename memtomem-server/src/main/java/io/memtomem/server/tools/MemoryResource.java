package io.memtomem.server.tools;

/**
 * A read-only MCP resource: a fixed URI ({@code memtomem://stats}) or a URI template
 * ({@code memtomem://chunks/{chunk_id}}), its name and description, and the reader that returns its JSON text. The
 * reader throws like a tool handler; the MCP bridge turns that into a JSON-RPC error.
 */
public record MemoryResource(String uri, String name, String description, Reader reader) {
    public static final String MIME_TYPE = "application/json";

    @FunctionalInterface
    public interface Reader {
        /** The JSON text for the requested URI (for a template, the URI with its variable filled in). */
        String read(String uri);
    }

    /** Whether {@link #uri()} is a template with a {@code {variable}} rather than one fixed URI. */
    public boolean template() {
        return uri.contains("{");
    }
}
