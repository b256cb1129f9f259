package io.memtomem.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many tool calls in flight at once over one raw stdio pipe: their handlers finish on different threads at the same
 * moment, and each reply and each final progress notification must still reach stdout, once. The SDK used to drop
 * some of them when the CPU was busy (rerun with a few busy loops on the same cores to see it).
 */
class ConcurrentRepliesTest {
    private static final int CALLS = 200;
    private static final int INDEX_EVERY = 10;

    @TempDir
    Path root;

    @Test
    void everyOneOfManyConcurrentToolCallsIsAnsweredExactlyOnce() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        Path memories = Files.createDirectories(launch.home.resolve(".memtomem/memories"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(memories.resolve("note" + i + ".md"), "## Note " + i + "\nBody " + i + ".\n");
        }
        String indexArguments = "{\"path\":\"" + memories.toString().replace("\\", "\\\\") + "\",\"force\":true}";
        Outbound outbound = new Outbound();
        try (RawServer server = RawServer.start(launch)) {
            server.initialize();
            // all written before any reply is read, so the handlers overlap as much as the machine allows
            for (int id = 1; id <= CALLS; id++) {
                if (id % INDEX_EVERY == 0) {
                    server.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":"
                            + "{\"name\":\"mem_index\",\"arguments\":" + indexArguments
                            + ",\"_meta\":{\"progressToken\":\"" + progressToken(id) + "\"}}}");
                } else {
                    server.callTool(id, "mem_stats", "{}");
                }
            }
            long deadline = System.nanoTime() + ServerLaunch.TIMEOUT.toNanos();
            while (outbound.repliesById.size() < CALLS && System.nanoTime() < deadline) {
                server.pollFrame(Duration.ofNanos(deadline - System.nanoTime())).ifPresent(outbound);
            }
            server.closeStdin();
            assertEquals(0, server.awaitExit(ServerLaunch.TIMEOUT));
            server.remainingFramesAfterExit().forEach(outbound);

            List<Integer> unanswered = IntStream.rangeClosed(1, CALLS).boxed()
                    .filter(id -> !outbound.repliesById.containsKey(id)).toList();
            assertEquals(List.of(), unanswered, () -> "calls never answered; stderr: " + server.stderr());
            outbound.repliesById.values().removeIf(count -> count == 1);
            assertEquals(Map.of(), outbound.repliesById, "calls answered more than once (id=count)");
            Set<String> indexTokens = IntStream.rangeClosed(1, CALLS).filter(id -> id % INDEX_EVERY == 0)
                    .mapToObj(ConcurrentRepliesTest::progressToken).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(indexTokens, outbound.finishedProgressTokens, "final progress notifications of mem_index");
        }
    }

    private static String progressToken(int id) {
        return "index-" + id;
    }

    /** What the server wrote: replies counted by id, and the tokens whose progress reached the total. */
    private static final class Outbound implements Consumer<JsonNode> {
        final Map<Integer, Integer> repliesById = new TreeMap<>();
        final Set<String> finishedProgressTokens = new TreeSet<>();

        @Override
        public void accept(JsonNode frame) {
            if (frame.path("id").isInt() && (frame.has("result") || frame.has("error"))) {
                repliesById.merge(frame.get("id").asInt(), 1, Integer::sum);
            }
            JsonNode params = frame.path("params");
            if ("notifications/progress".equals(frame.path("method").asText())
                    && params.path("progress").asDouble() == params.path("total").asDouble()) {
                finishedProgressTokens.add(params.path("progressToken").asText());
            }
        }
    }
}
