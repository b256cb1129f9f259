package io.memtomem.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Start, stdin guard and shutdown of the real process, driven with raw JSON lines. */
class ServerLifecycleTest {
    private static final Duration EXIT_BOUND = Duration.ofSeconds(2);

    @TempDir
    Path root;

    @Test
    void anInvalidJsonLineIsAnsweredWithAParseErrorAndTheServerKeepsServing() throws Exception {
        try (RawServer server = RawServer.start(new ServerLaunch(root))) {
            server.send("this is not json");
            JsonNode error = server.awaitFrame(frame -> frame.has("error"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}",
                    error.toString());
            server.send("[{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}]");
            assertEquals(-32600, server.awaitFrame(frame -> frame.has("error")).get("error").get("code").asInt());
            assertEquals("memtomem", server.initialize().get("serverInfo").get("name").asText());
            server.callTool(1, "mem_stats", "{}");
            assertTrue(server.awaitReply(1).get("result").get("content").get(0).get("text").asText()
                    .startsWith("Memory index statistics:"));
        }
    }

    @Test
    void requestsOfTheWrongShapeAreAnsweredWithoutJavaNamesAndPingNeedsNoHandshake() throws Exception {
        try (RawServer server = RawServer.start(new ServerLaunch(root))) {
            server.send("{\"jsonrpc\":\"2.0\",\"id\":90,\"method\":\"ping\"}");
            assertEquals("{}", server.awaitReply(90).get("result").toString(), "ping before initialize");
            server.initialize();
            String[] requests = {
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"mem_search\",\"arguments\":\"abc\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":\"str\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"nope_tool\",\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\",\"params\":{\"cursor\":\"bogus\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"shouting\"}}"};
            int[] codes = {-32600, -32602, -32602, -32602, -32602, -32602, -32602};
            for (String request : requests) {
                server.send(request);
            }
            for (int id = 1; id <= requests.length; id++) {
                JsonNode reply = server.awaitReply(id);
                assertEquals(codes[id - 1], reply.path("error").path("code").asInt(), reply::toString);
                String message = reply.get("error").get("message").asText();
                assertFalse(message.contains("java.") || message.contains("io.modelcontextprotocol")
                        || message.contains("invalid_tool_name"), message);
                if (id == 5) {
                    assertEquals("Unknown tool: nope_tool", message);
                }
            }
        }
    }

    @Test
    void stdinEofDeliversTheReplyInFlightThenExitsZeroAndRemovesThePidFile() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        Path notes = Files.createDirectories(launch.home.resolve(".memtomem/memories/notes"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(notes.resolve("n" + i + ".md"), "## N" + i + "\nBody " + i + ".\n");
        }
        try (RawServer server = RawServer.start(launch)) {
            server.initialize();
            assertTrue(Files.isRegularFile(launch.pidFile()), "the pid file exists while serving");
            server.callTool(1, "mem_index", "{\"path\":\"" + notes.toString().replace("\\", "\\\\") + "\"}");
            server.closeStdin();
            long closed = System.nanoTime();
            JsonNode reply = server.awaitReply(1);
            assertTrue(reply.get("result").get("content").get(0).get("text").asText().contains("Files scanned: 50"),
                    reply::toString);
            assertEquals(0, server.awaitExit(EXIT_BOUND.plus(Duration.ofNanos(System.nanoTime() - closed))));
            assertFalse(Files.exists(launch.pidFile()), "the pid file is removed on exit");
        }
    }

    @Test
    void aSecondServerOnTheSameStoreWarnsServesAndLeavesTheHoldersPidFile() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        try (RawServer first = RawServer.start(launch)) {
            first.initialize();
            byte[] payload = Files.readAllBytes(launch.pidFile());
            try (RawServer second = RawServer.start(launch)) {
                second.initialize();
                String warning = second.awaitStderr("Another memtomem-server is already");
                assertTrue(warning.contains(launch.pidFile().toString()), warning);
                assertTrue(warning.contains(String.valueOf(first.process.pid())), warning);
                second.callTool(1, "mem_add", "{\"content\":\"Written by the second server.\"}");
                assertFalse(second.awaitReply(1).get("result").path("isError").asBoolean());
                second.closeStdin();
                assertEquals(0, second.awaitExit(Duration.ofSeconds(10)));
            }
            assertTrue(Files.exists(launch.pidFile()), "the holder's pid file must survive the second server");
            assertEquals(new String(payload), Files.readString(launch.pidFile()));
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void sigtermRemovesThePidFileAndExitsZero() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        try (RawServer server = RawServer.start(launch)) {
            server.initialize();
            assertTrue(Files.exists(launch.pidFile()));
            server.process.destroy();
            assertEquals(0, server.awaitExit(Duration.ofSeconds(10)));
            assertFalse(Files.exists(launch.pidFile()));
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theServerStopsWhenItsParentDiesEvenWithStdinOpen() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        String java = String.join(" ", launch.command().stream().map(ServerLifecycleTest::shellQuote).toList());
        // sh runs the server in the background on sh's own stdin and stdout (both kept open by this test); the
        // stdin goes through fd 3 because sh gives a background job /dev/null for a plain <&0
        Process shell = launch.processBuilder(List.of("sh", "-c", "exec 3<&0; " + java + " <&3 & echo $!; wait"))
                .start();
        Optional<ProcessHandle> server = Optional.empty();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                    StandardCharsets.UTF_8));
            server = ProcessHandle.of(Long.parseLong(readLineWithin(out).trim()));
            assertTrue(server.isPresent(), "server process not found");
            shell.getOutputStream().write((RawServer.INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
            shell.getOutputStream().flush();
            assertTrue(readLineWithin(out).contains("\"serverInfo\""), "server did not answer initialize");
            assertTrue(Files.exists(launch.pidFile()));
            shell.destroyForcibly();
            assertTrue(shell.waitFor(10, TimeUnit.SECONDS));
            assertTrue(server.get().onExit().thenApply(h -> true).completeOnTimeout(false, 10, TimeUnit.SECONDS)
                    .get(), "server outlived its parent");
            assertFalse(Files.exists(launch.pidFile()), "pid file removed after the parent died");
        } finally {
            server.ifPresent(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void startedByHandInATerminalItExplainsHowToRegisterAndExitsTwo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) for a pseudo-terminal");
        ServerLaunch launch = new ServerLaunch(root);
        String java = String.join(" ", launch.command().stream().map(ServerLifecycleTest::shellQuote).toList());
        Process process = launch.processBuilder(List.of("/usr/bin/script", "-qec", java, "/dev/null"))
                .redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, process.exitValue(), output);
            assertTrue(output.contains("claude mcp add memtomem -- "), output);
            assertTrue(output.contains("\"mcpServers\""), output);
            assertFalse(Files.exists(launch.runtimeDir), "nothing is created when started by hand");
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anUnsafeRuntimeDirIsRefusedWithANonZeroExit() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        Files.createDirectories(launch.runtimeDir);
        Files.setPosixFilePermissions(launch.runtimeDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (RawServer server = RawServer.start(launch)) {
            assertNotEquals(0, server.awaitExit(Duration.ofSeconds(30)));
            assertTrue(String.join("\n", server.stderr()).contains(launch.runtimeDir.toString()),
                    () -> String.join("\n", server.stderr()));
        }
    }

    @Test
    void anUnknownConfigKeyIsAWarningOnStderrAndTheServerServes() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        Files.createDirectories(launch.home.resolve(".memtomem"));
        Files.writeString(launch.home.resolve(".memtomem/config.json"), "{\"search\":{\"no_such_key\":1}}");
        try (RawServer server = RawServer.start(launch)) {
            server.initialize();
            server.callTool(1, "mem_stats", "{}");
            assertTrue(server.awaitReply(1).get("result").get("content").get(0).get("text").asText()
                    .startsWith("Memory index statistics:"));
            List<String> lines = new ArrayList<>(server.stderr());
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("memtomem-server: warning: ")
                    && line.contains("no_such_key")), lines::toString);
        }
    }

    private static String readLineWithin(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(ServerLaunch.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
