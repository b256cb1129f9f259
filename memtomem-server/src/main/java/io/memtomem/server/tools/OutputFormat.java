package io.memtomem.server.tools;

import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.Param;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a tool renders its result: compact text (the default), verbose text (search only), or JSON text. Both
 * {@code output_format} (the reference's name) and {@code format} are accepted; {@code json} means structured.
 */
public enum OutputFormat {
    COMPACT, VERBOSE, STRUCTURED;

    /** {@code output_format} and its alias {@code format}, for a tool rendering the given formats. */
    public static Param[] params(OutputFormat... supported) {
        List<String> values = new ArrayList<>();
        for (OutputFormat format : supported) {
            values.add(format.name().toLowerCase(Locale.ROOT));
            if (format == STRUCTURED) {
                values.add("json");
            }
        }
        String[] allowed = values.toArray(String[]::new);
        return new Param[] {
            Param.string("output_format", "How to render the result: " + String.join(", ", values)
                    + " (json = structured JSON text).").oneOf(allowed).defaultValue("compact"),
            Param.string("format", "Alias of output_format; wins when both are given.").oneOf(allowed),
        };
    }

    public static OutputFormat of(Args args) {
        String value = args.has("format") ? args.string("format") : args.string("output_format");
        return switch (value) {
            case "structured", "json" -> STRUCTURED;
            case "verbose" -> VERBOSE;
            default -> COMPACT;
        };
    }
}
