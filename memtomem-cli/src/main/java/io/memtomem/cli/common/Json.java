package io.memtomem.cli.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** {@code --json} output: one pretty-printed JSON document on stdout. Callers pass maps with the stable keys. */
public final class Json {
    private Json() {
    }

    /** Built on first use only: Jackson costs startup time that text-mode commands should not pay. */
    private static final class Holder {
        static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();
    }

    public static void print(PrintWriter out, Object value) {
        try {
            out.println(Holder.WRITER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
