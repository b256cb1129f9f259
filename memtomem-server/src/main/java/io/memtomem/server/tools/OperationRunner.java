package io.memtomem.server.tools;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.server.tools.schema.ArgumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs an operation with the error contract of memory-core §7.5: a bad argument or a failure the user can act on
 * becomes {@code Error: <message>}, anything else {@code Error: }{@value #INTERNAL_ERROR}: unlike the reference's
 * {@code internal error (<Type>: <message>)}, no Java class name or exception text reaches the client (#13); the
 * server's log has both. Nothing is thrown to the transport, so no client input can take the server down.
 */
public final class OperationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(OperationRunner.class);
    /** What a client is told about a failure that is a bug, for tools and resources alike. */
    public static final String INTERNAL_ERROR = "internal error (the server log has the details)";

    private OperationRunner() {
    }

    /** {@code cap}: the reply size limit, read per call; list tools cut between results, the rest is cut here. */
    public static ToolResult run(Operation operation, Map<String, Object> arguments, ProgressSink progress,
                                 Supplier<ResultCap> cap) {
        return run(operation, arguments, new ToolCall(null, progress), cap);
    }

    /**
     * As above, for a call with its own progress, cancellation and client log: {@code channel} carries those, its
     * arguments are read here from {@code arguments}.
     */
    public static ToolResult run(Operation operation, Map<String, Object> arguments, ToolCall channel,
                                 Supplier<ResultCap> cap) {
        long started = System.nanoTime();
        ToolResult result;
        try {
            ToolCall call = channel.withArgs(operation.schema().read(arguments));
            String text = operation.handler().handle(call);
            result = ToolResult.ok(cap.get().any(text));
        } catch (Throwable failure) {
            result = ToolResult.error(describe(operation.name(), failure));
        }
        // sizes and timing only: arguments and results carry memory text and whatever secret a client sent
        if (LOG.isDebugEnabled()) {
            LOG.debug("tools/call {}: {} argument(s), {} chars in, {} chars out, {}, {} ms", operation.name(),
                    arguments == null ? 0 : arguments.size(), chars(arguments), result.text().length(),
                    result.error() ? "error" : "ok", (System.nanoTime() - started) / 1_000_000);
        }
        return result;
    }

    /** Characters of the string values in the arguments, nested ones included. */
    private static long chars(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().mapToLong(OperationRunner::chars).sum();
        }
        if (value instanceof Iterable<?> items) {
            long total = 0;
            for (Object item : items) {
                total += chars(item);
            }
            return total;
        }
        return value == null ? 0 : String.valueOf(value).length();
    }

    static String describe(String tool, Throwable failure) {
        if (failure instanceof ArgumentException || failure instanceof MemtomemException) {
            LOG.debug("{} refused: {}", tool, failure instanceof InvalidInputException invalid
                    ? "bad " + invalid.parameter() : failure.getClass().getSimpleName());
            return "Error: " + failure.getMessage();
        }
        LOG.warn("{} failed", tool, failure);
        return "Error: " + INTERNAL_ERROR;
    }
}
