package io.memtomem.cli.mcp;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** One value of {@code mm init --mcp}: a host whose config is written, or {@code json} (host null) for the snippet. */
public record McpTarget(McpHost host) {
    static final String JSON = "json";

    public boolean json() {
        return host == null;
    }

    /** Case-insensitive; an unknown name is a usage error (exit 2) that lists the choices. */
    public static final class Converter implements ITypeConverter<McpTarget> {
        @Override
        public McpTarget convert(String value) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            if (name.equals(JSON)) {
                return new McpTarget(null);
            }
            return new McpTarget(McpHost.byLabel(name).orElseThrow(() -> new TypeConversionException(
                    "unknown MCP host '" + value + "': choose " + String.join(", ", McpHost.choices()))));
        }
    }
}
