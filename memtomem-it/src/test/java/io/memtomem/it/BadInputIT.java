package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario 9: hundreds of malformed requests and invalid JSON lines over one raw stdio pipe. Each request gets an
 * error reply, the server survives, and nothing is written outside the store (which holds the memory dir).
 */
class BadInputIT {
    private static final int REQUESTS = 520;
    private static final int INVALID_LINE_EVERY = 10;
    private static final Duration ALL_REPLIES_BOUND = Duration.ofSeconds(60);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void everyMalformedRequestGetsAnErrorAndTheServerStaysAliveAndContained() {
        long seed = Long.getLong("memtomem.it.seed", System.nanoTime());
        System.err.println("[it] bad-input seed=" + seed + " (rerun with -Dmemtomem.it.seed=" + seed + ")");
        List<MalformedRequests.Request> requests =
                new MalformedRequests(new Random(seed), sandbox.root()).generate(REQUESTS);

        RawMcpSession server = RawMcpSession.start(sandbox);
        server.callOk("mem_add", Map.of("content", "the one legitimate memory")); // store and memory dir exist now
        FileTree before = FileTree.snapshot(sandbox.root());
        Map<Long, MalformedRequests.Request> sent = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            if (i % INVALID_LINE_EVERY == 0) {
                List<String> lines = MalformedRequests.INVALID_LINES;
                server.send(lines.get(i / INVALID_LINE_EVERY % lines.size()));
            }
            MalformedRequests.Request request = requests.get(i);
            sent.put(server.request(request.method(), request.params()), request);
        }

        Await.until(ALL_REPLIES_BOUND, () -> "replies to all " + sent.size() + " requests (seed " + seed
                + "); unanswered: " + unanswered(server, sent),
                () -> unanswered(server, sent).isEmpty());
        Map<Long, String> accepted = new LinkedHashMap<>();
        sent.forEach((id, request) -> {
            JsonNode reply = server.response(id).orElseThrow();
            if (!RawMcpSession.isError(reply)) {
                accepted.put(id, request + " -> " + abbreviate(reply.toString()));
            }
        });
        assertEquals(Map.of(), accepted, "malformed requests answered without an error (seed " + seed + ")");
        assertEquals(List.of(), server.nonJsonLines(), "stdout carried something other than JSON-RPC");

        assertTrue(server.process().isAlive(), "server died");
        server.callOk("mem_search", Map.of("query", "legitimate"));
        // the store may change (database, logs); the memories may not, and the JVM's scratch dir is not ours to judge
        List<Path> written = before.changedIn(FileTree.snapshot(sandbox.root())).stream()
                .filter(path -> !path.startsWith(sandbox.storeDir()) || path.startsWith(sandbox.memoriesDir()))
                .filter(path -> !path.startsWith(sandbox.tempDir()))
                .toList();
        assertEquals(List.of(), written, "files written outside the store, or memories changed, by rejected requests");
    }

    @Test
    void indexingAPathThatTraversesOutOfTheMemoryDirsIsRefused() throws IOException {
        Path outside = Files.createDirectories(sandbox.root().resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "# Not a memory\n\noutsidemarker must stay unindexed\n");
        RawMcpSession server = RawMcpSession.start(sandbox);
        server.callOk("mem_add", Map.of("content", "the memory dir exists now"));
        String traversal = sandbox.memoriesDir().resolve("../../../outside").toString();

        JsonNode reply = server.await(server.callTool("mem_index", Map.of("path", traversal)), Duration.ofSeconds(60));

        assertTrue(RawMcpSession.isError(reply), () -> "indexed a path outside the memory dirs: " + reply);
        assertContains(server.callOk("mem_search", Map.of("query", "outsidemarker")), "No results");
    }

    private static Map<Long, MalformedRequests.Request> unanswered(RawMcpSession server,
                                                                   Map<Long, MalformedRequests.Request> sent) {
        Map<Long, MalformedRequests.Request> unanswered = new LinkedHashMap<>(sent);
        unanswered.keySet().removeIf(id -> server.response(id).isPresent());
        return unanswered;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
