package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #18.3: a script writes its whole session to the server's stdin and closes it at once, before the server has even
 * answered {@code initialize}. Every request the server read before EOF is answered before it exits.
 */
class PipedScriptIT {
    private static final Duration EXIT_BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @RepeatedTest(5)
    void everyRequestPipedBeforeEofIsAnsweredBeforeExit() throws IOException, InterruptedException {
        Process server = sandbox.processes().start(sandbox.processBuilder(Launchers.server()));
        LineBuffer stderr = LineBuffer.drain(server.getErrorStream(), "piped-stderr");
        Map<Long, JsonNode> replies = new HashMap<>();
        LineBuffer stdout = LineBuffer.drain(server.getInputStream(), "piped-stdout", line -> {
            try {
                JsonNode frame = RawMcpSession.JSON.readTree(line);
                if (frame.path("id").canConvertToLong() && !frame.has("method")) {
                    synchronized (replies) {
                        replies.put(frame.get("id").asLong(), frame);
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("stdout carried a non-JSON line: " + line, e);
            }
        });
        String script = String.join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"script\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}") + "\n";
        try (OutputStream stdin = server.getOutputStream()) {
            stdin.write(script.getBytes(StandardCharsets.UTF_8));
        }

        assertTrue(server.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS), "the server did not exit after EOF");
        stdout.awaitEnd(EXIT_BOUND);
        assertEquals(0, server.exitValue(), stderr::text);
        synchronized (replies) {
            for (long id = 1; id <= 4; id++) {
                JsonNode reply = replies.get(id);
                assertTrue(reply != null && reply.has("result"),
                        "request " + id + " was read before EOF but never answered: " + reply + "\nstderr:\n"
                                + stderr.text());
            }
        }
    }
}
