package io.memtomem.server.tools;

import org.junit.jupiter.api.Test;

import java.util.regex.PatternSyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** #13: a tool's unexpected failure reaches the client without Java class names or exception text. */
class OperationRunnerTest {

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutJavaNames() {
        assertEquals("Error: internal error (the server log has the details)",
                OperationRunner.describe("mem_search", new PatternSyntaxException("Unclosed class", "[a", 1)));
    }
}
