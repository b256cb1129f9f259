package io.memtomem.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.locking.testsupport.FakeOs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.memtomem.cli.init.InitCommandTest.withLauncherDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitMcpRegistrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private CliHarness cli;
    private String bin;

    @BeforeEach
    void setUp() {
        cli = CliHarness.in(temp).withEnv("PATH", "");
        bin = temp.resolve("memtomem java/bin").toString();
    }

    private Result init(String... args) {
        return withLauncherDir(bin, () -> cli.run(Stream.concat(Stream.of("init", "--non-interactive"),
                Stream.of(args)).toArray(String[]::new)));
    }

    @Test
    void mcpJsonPrintsOnlyTheSnippetOnStdoutWithTheAbsoluteLauncher() throws Exception {
        Result result = init("--mcp", "json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode entry = JSON.readTree(result.out()).path("mcpServers").path("memtomem");
        assertEquals(bin + "/memtomem-server", entry.path("command").asText());
        // java is not on this (empty) PATH, so the host must be told where it is
        assertEquals(System.getProperty("java.home"), entry.path("env").path("JAVA_HOME").asText());
        assertTrue(result.err().contains("Wrote"), result.err());
    }

    @Test
    void noJavaHomeWhenTheHostFindsThisJavaOnItsPath() throws Exception {
        cli.withEnv("PATH", Path.of(System.getProperty("java.home"), "bin").toString());
        JsonNode entry = JSON.readTree(init("--mcp", "json").out()).path("mcpServers").path("memtomem");
        assertTrue(entry.path("env").isMissingNode(), entry.toString());
    }

    @Test
    void onWindowsTheCmdLauncherRunsThroughCmdC() throws Exception {
        cli.withOs(FakeOs.windows(temp.resolve("LocalAppData")));
        JsonNode entry = JSON.readTree(init("--mcp", "json").out()).path("mcpServers").path("memtomem");
        assertEquals("cmd", entry.path("command").asText());
        assertEquals(List.of("/c", Path.of(bin).resolve("memtomem-server.cmd").toString()),
                List.of(entry.path("args").get(0).asText(), entry.path("args").get(1).asText()));
    }

    @Test
    void registeringMergesIntoTheHostConfigKeepsOtherServersAndBacksItUp() throws Exception {
        Path file = cli.home().resolve(".cursor/mcp.json");
        Files.createDirectories(file.getParent());
        String before = "{\"mcpServers\": {\"github\": {\"command\": \"gh-mcp\"}}, \"theme\": \"dark\"}";
        Files.writeString(file, before);
        Result result = init("--mcp", "cursor");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode config = JSON.readTree(file.toFile());
        assertEquals("gh-mcp", config.path("mcpServers").path("github").path("command").asText());
        assertEquals("dark", config.path("theme").asText());
        assertEquals(bin + "/memtomem-server", config.path("mcpServers").path("memtomem").path("command").asText());
        try (Stream<Path> files = Files.list(file.getParent())) {
            Path backup = files.filter(p -> p.getFileName().toString().startsWith("mcp.json.bak-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no backup next to " + file));
            assertEquals(before, Files.readString(backup));
        }
        assertTrue(result.out().contains("Registered memtomem with Cursor"), result.out());

        Result again = init("--mcp", "cursor");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("already starts this memtomem"), again.out());
    }

    @Test
    void anEntryNamedMemtomemThatStartsSomethingElseIsNeverReplaced() throws Exception {
        Path file = cli.home().resolve(".claude.json");
        Files.createDirectories(file.getParent());
        String python = "{\"mcpServers\": {\"memtomem\": {\"command\": \"uvx\", \"args\": [\"memtomem-server\"]}}}";
        Files.writeString(file, python);
        Result result = init("--mcp", "claude-code");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(python, Files.readString(file));
        assertTrue(result.err().contains("Not registered with Claude Code") && result.err().contains("uvx"),
                result.err());
    }

    @Test
    void aHostConfigThatIsNotJsonIsLeftAlone() throws Exception {
        Path file = cli.home().resolve(".cursor/mcp.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ not json");
        Result result = init("--mcp", "cursor");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("{ not json", Files.readString(file));
    }

    @Test
    void vscodeGetsItsOwnServersKeyWithTheTransportType() throws Exception {
        Result result = init("--mcp", "vscode");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode entry = JSON.readTree(cli.home().resolve(".config/Code/User/mcp.json").toFile())
                .path("servers").path("memtomem");
        assertEquals("stdio", entry.path("type").asText());
        assertEquals(bin + "/memtomem-server", entry.path("command").asText());
    }

    @Test
    void onATerminalItAsksBeforeRegisteringWithEachHostItFinds() throws Exception {
        Files.createDirectories(cli.home().resolve(".cursor"));
        Files.createDirectories(cli.home().resolve(".config/Claude"));
        Result result = withLauncherDir(bin, () -> cli.runInteractive("\n\ny\nn\n", "init"));
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("with Claude Desktop"), result.out());
        assertTrue(Files.exists(cli.home().resolve(".config/Claude/claude_desktop_config.json")));
        assertFalse(Files.exists(cli.home().resolve(".cursor/mcp.json")));
    }

    @Test
    void anUnknownHostIsAUsageErrorListingTheChoices() {
        Result result = init("--mcp", "emacs");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("claude-code, claude-desktop, cursor, vscode, json"), result.err());
        assertFalse(cli.config().isConfigured(), "nothing written on a usage error");
    }
}
