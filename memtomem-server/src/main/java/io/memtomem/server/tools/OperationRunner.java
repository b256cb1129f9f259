package io.memtomem.server.tools;

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
        try {
            ToolCall call = new ToolCall(operation.schema().read(arguments), progress);
            String text = operation.handler().handle(call);
            return ToolResult.ok(cap.get().any(text));
        } catch (Throwable failure) {
            return ToolResult.error(describe(operation.name(), failure));
        }
    }

    static String describe(String tool, Throwable failure) {
        if (failure instanceof ArgumentException || failure instanceof MemtomemException) {
            LOG.debug("{} refused: {}", tool, failure.getMessage());
            return "Error: " + failure.getMessage();
        }
        LOG.warn("{} failed", tool, failure);
        return "Error: " + INTERNAL_ERROR;
    }
}
