package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resumable SSE streams over Streamable HTTP (MCP 2025-06-18): a client whose connection drops while a long
 * {@code mem_index} streams its progress GETs the stream again with {@code Last-Event-ID} and receives every event
 * it missed, then the reply, exactly once; another session cannot take the stream up, nor anyone once the session
 * is ended.
 */
class SseResumptionIT {
    private static final Duration BOUND = Duration.ofMinutes(3);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void aClientThatLosesACallsStreamResumesItWithLastEventIdAndMissesNothing() throws Exception {
        Path notes = sandbox.root().resolve("notes");
        Corpus.generate(notes, 2000, 7);
        sandbox.useMemoryDirs(notes);
        HttpServerProcess server = HttpServerProcess.start(sandbox);
        try {
            RawHttpSession session = RawHttpSession.open(server.url);
            RawHttpSession.Stream index = session.stream("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"mem_index\",\"arguments\":{},\"_meta\":{\"progressToken\":\"index\"}}}");
            Await.until(BOUND, () -> "a first progress event; stderr:\n" + server.stderr.text(),
                    () -> index.messages.stream().anyMatch(message -> "notifications/progress".equals(
                            message.path("method").asText())));
            index.drop();
            index.ended.handle((done, failure) -> null).get(BOUND.toSeconds(), TimeUnit.SECONDS);
            List<String> seen = List.copyOf(index.ids);
            assertTrue(index.messages.stream().noneMatch(message -> isReplyTo(message, 2)),
                    "the reply came before the connection was dropped; the corpus is too small to show resumption");

            RawHttpSession.Resumed resumed = session.resume(seen.get(seen.size() - 1), session.sessionId());
            assertEquals(200, resumed.status());
            JsonNode reply = resumed.events().messages.stream().filter(message -> isReplyTo(message, 2)).findFirst()
                    .orElseThrow(() -> new AssertionError("no reply on the resumed stream: "
                            + resumed.events().messages));
            assertContains(reply.path("result").path("content").path(0).path("text").asText(), "Indexing complete",
                    "Files scanned: 2000");
            List<String> ids = new ArrayList<>(seen);
            ids.addAll(resumed.events().ids);
            String stream = ids.get(0).substring(0, ids.get(0).lastIndexOf('-'));
            assertEquals(LongStream.rangeClosed(1, ids.size()).mapToObj(n -> stream + "-" + n).toList(), ids,
                    "the events before the drop and the resumed ones: one stream, nothing missed, nothing twice");

            RawHttpSession other = RawHttpSession.open(server.url);
            assertEquals(404, other.resume(seen.get(0), other.sessionId()).status(),
                    "another session took up the stream");
            assertEquals(200, session.delete());
            assertEquals(404, session.resume(seen.get(0), session.sessionId()).status(),
                    "a stream of an ended session was taken up");
        } finally {
            server.process.destroy();
            server.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static boolean isReplyTo(JsonNode message, long id) {
        return !message.has("method") && message.path("id").asLong(-1) == id;
    }
}
