package io.memtomem.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import io.memtomem.cli.common.CommandRunner;
import io.memtomem.locking.testsupport.FakeOs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mm service install|uninstall|status} on all three platforms, with every OS command recorded by a fake
 * runner: only Linux runs here, and even there no systemd user session exists in a build sandbox.
 */
class ServiceCommandTest extends InitializedStoreTest {
    private static final List<String> DAEMON_RELOAD = List.of("systemctl", "--user", "daemon-reload");
    private static final List<String> ENABLE = List.of("systemctl", "--user", "enable", "--now", "memtomem.service");
    private static final List<String> DISABLE = List.of("systemctl", "--user", "disable", "--now",
            "memtomem.service");

    private final FakeCommands commands = new FakeCommands();
    private String binBefore;
    private Path bin;

    @BeforeEach
    void launcher() throws Exception {
        bin = Files.createDirectories(temp.resolve("install/bin"));
        Files.writeString(bin.resolve("memtomem-server"), "#!/bin/sh\n");
        Files.writeString(bin.resolve("memtomem-server.cmd"), "@echo off\r\n");
        binBefore = System.getProperty("memtomem.bin");
        System.setProperty("memtomem.bin", bin.toString());
        cli.withCommands(commands);
    }

    @AfterEach
    void restoreLauncher() {
        if (binBefore == null) {
            System.clearProperty("memtomem.bin");
        } else {
            System.setProperty("memtomem.bin", binBefore);
        }
    }

    private Path unit() {
        return cli.home().resolve(".config/systemd/user/memtomem.service");
    }

    @Test
    void installWritesAPrivateUnitForThisStoreAndEnablesIt() throws Exception {
        cli.withEnv("MEMTOMEM_TOOL_MODE", "full");
        Result result = cli.run("service", "install");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(DAEMON_RELOAD, ENABLE), commands.ran());
        String unit = Files.readString(unit());
        assertTrue(unit.contains("ExecStart=" + bin.resolve("memtomem-server")
                + " --transport http --host 127.0.0.1 --port 8765\n"), unit);
        assertTrue(unit.contains("Environment=\"HOME=" + cli.home() + "\"\n"), unit);
        assertTrue(unit.contains("Environment=\"JAVA_HOME=" + System.getProperty("java.home") + "\"\n"), unit);
        assertTrue(unit.contains("Environment=\"MEMTOMEM_TOOL_MODE=full\"\n"), unit);
        assertTrue(unit.contains("for " + cli.stateDir() + "\n"), unit);
        // MEMTOMEM_* values may be API keys
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(unit())));
        assertTrue(result.out().contains("http://127.0.0.1:8765/mcp"), result::toString);
        assertTrue(result.out().contains("claude mcp add --transport http memtomem http://127.0.0.1:8765/mcp"),
                result::toString);
    }

    @Test
    void installWithoutAUserSessionKeepsTheUnitAndSaysHowToStartItByHand() throws Exception {
        commands.answering(command -> new CommandRunner.Result(1, "Failed to connect to bus: No medium found"));
        Result result = cli.run("service", "install", "--port", "9100");
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals(List.of(DAEMON_RELOAD), commands.ran()); // stopped at the first failure
        assertTrue(Files.isRegularFile(unit()));
        assertTrue(result.err().contains("'systemctl --user daemon-reload' failed: Failed to connect to bus"),
                result::toString);
        assertTrue(result.err().contains("No systemd user session is reachable"), result::toString);
        assertTrue(result.err().contains("Start it by hand: systemctl --user daemon-reload && systemctl --user "
                + "enable --now memtomem.service"), result::toString);
        assertTrue(result.err().contains(bin.resolve("memtomem-server") + " --transport http --host 127.0.0.1 "
                + "--port 9100"), result::toString);
        assertTrue(result.err().contains("'mm service uninstall' removes"), result::toString);
    }

    @Test
    void installingAgainStopsTheOldServiceBeforeReplacingIt() throws Exception {
        assertEquals(0, cli.run("service", "install").exitCode());
        commands.clear();
        Result again = cli.run("service", "install", "--port", "9000");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(List.of(DISABLE, DAEMON_RELOAD, ENABLE), commands.ran());
        assertTrue(again.out().startsWith("Replaced the systemd user unit"), again::toString);
        assertTrue(Files.readString(unit()).contains("--port 9000\n"));
    }

    @Test
    void uninstallStopsTheServiceAndRemovesExactlyWhatInstallWrote() throws Exception {
        List<Path> before = files(cli.home());
        assertEquals(0, cli.run("service", "install").exitCode());
        commands.clear();
        Result result = cli.run("service", "uninstall");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(DISABLE, DAEMON_RELOAD), commands.ran());
        assertFalse(Files.exists(unit()));
        assertEquals(before, files(cli.home()));
        commands.clear();
        Result again = cli.run("service", "uninstall");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().startsWith("No memtomem service is installed"), again::toString);
        assertEquals(List.of(), commands.ran());
    }

    @Test
    void installLeavesAHandWrittenUnitAlone() throws Exception {
        String handWritten = "[Service]\nExecStart=/opt/memtomem/bin/memtomem-server --transport http\n";
        Files.createDirectories(unit().getParent());
        Files.writeString(unit(), handWritten);
        Result result = cli.run("service", "install");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains(unit() + " exists and was not written by mm service install"),
                result::toString);
        assertTrue(result.err().contains("(systemctl --user disable --now memtomem.service)"), result::toString);
        assertEquals(handWritten, Files.readString(unit()));
        assertEquals(List.of(), commands.ran());
    }

    @Test
    void uninstallWithoutAUserSessionStillRemovesTheUnitAndWarns() {
        assertEquals(0, cli.run("service", "install").exitCode());
        commands.answering(command -> new CommandRunner.Result(1, "Failed to connect to bus: No medium found"));
        Result result = cli.run("service", "uninstall");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(Files.exists(unit()));
        assertTrue(result.err().contains("'systemctl --user disable --now memtomem.service' failed"), result::toString);
        assertTrue(result.err().contains("stop it by hand: systemctl --user disable --now memtomem.service"),
                result::toString);
    }

    @Test
    void statusReportsTheManagersStateAndTheServingUrlAsJson() throws Exception {
        Result none = cli.run("service", "status", "--json");
        assertEquals(0, none.exitCode(), none::toString);
        JsonNode absent = new ObjectMapper().readTree(none.out());
        assertFalse(absent.get("installed").asBoolean());
        assertEquals("not installed", absent.get("state").asText());
        assertEquals(List.of(), commands.ran());

        assertEquals(0, cli.run("service", "install").exitCode());
        commands.clear();
        commands.answering(command -> new CommandRunner.Result(0, "active\n"));
        Files.writeString(cli.stateDir().resolve("http-server.json"), "{\"pid\":" + ProcessHandle.current().pid()
                + ",\"url\":\"http://127.0.0.1:8765/mcp\",\"transport\":\"http\",\"token_required\":false}\n");
        JsonNode installed = new ObjectMapper().readTree(cli.run("service", "status", "--json").out());
        assertEquals(List.of(List.of("systemctl", "--user", "is-active", "memtomem.service")), commands.ran());
        assertEquals("systemd", installed.get("platform").asText());
        assertTrue(installed.get("installed").asBoolean());
        assertEquals(unit().toString(), installed.get("definition").asText());
        assertEquals("active", installed.get("state").asText());
        assertEquals("http://127.0.0.1:8765/mcp", installed.get("url").asText());

        commands.answering(command -> new CommandRunner.Result(1, "Failed to connect to bus: No medium found"));
        Result text = cli.run("service", "status");
        assertTrue(text.out().contains("State:      unknown (Failed to connect to bus: No medium found)"),
                text::toString);
    }

    @Test
    void macOsInstallBootstrapsALaunchAgentInTheUsersGuiDomain() throws Exception {
        cli.withOs(FakeOs.posix().macOs().withEuid(501));
        Path plist = cli.home().resolve("Library/LaunchAgents/io.memtomem.server.plist");
        Result result = cli.run("service", "install");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(List.of("launchctl", "bootstrap", "gui/501", plist.toString())), commands.ran());
        assertTrue(Files.readString(plist).contains("<string>" + bin.resolve("memtomem-server") + "</string>"));
        assertTrue(Files.isDirectory(cli.stateDir().resolve("logs")), "launchd opens logs/service.log in it");
        commands.clear();
        assertEquals(0, cli.run("service", "uninstall").exitCode());
        assertEquals(List.of(List.of("launchctl", "bootout", "gui/501/io.memtomem.server")), commands.ran());
        assertFalse(Files.exists(plist));
    }

    @Test
    void windowsInstallRegistersAScheduledTaskFromItsXml() throws Exception {
        Path localAppData = temp.resolve("LocalAppData");
        cli.withOs(FakeOs.windows(localAppData));
        Path xml = localAppData.resolve("memtomem/memtomem-task.xml");
        Result result = cli.run("service", "install");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(List.of("schtasks", "/Create", "/TN", "memtomem", "/XML", xml.toString(), "/F"),
                List.of("schtasks", "/Run", "/TN", "memtomem")), commands.ran());
        String task = new String(Files.readAllBytes(xml), java.nio.charset.StandardCharsets.UTF_16);
        assertTrue(task.contains(bin.resolve("memtomem-server.cmd").toString()), task);
        assertFalse(task.contains("set \"HOME="), "Windows runs the task as the user: no HOME to carry");
        commands.clear();
        assertEquals(0, cli.run("service", "uninstall").exitCode());
        assertEquals(List.of(List.of("schtasks", "/End", "/TN", "memtomem"),
                List.of("schtasks", "/Delete", "/TN", "memtomem", "/F")), commands.ran());
        assertFalse(Files.exists(xml));
    }

    @Test
    void windowsUninstallNamesTheServerThatOutlivedTheTask() throws Exception {
        cli.withOs(FakeOs.windows(temp.resolve("LocalAppData")));
        assertEquals(0, cli.run("service", "install").exitCode());
        // schtasks /End ends the task's cmd.exe; the Java server under it may live on (here: this JVM's pid)
        long pid = ProcessHandle.current().pid();
        Files.writeString(cli.stateDir().resolve("http-server.json"), "{\"pid\":" + pid
                + ",\"url\":\"http://127.0.0.1:8765/mcp\",\"transport\":\"http\",\"token_required\":false}\n");
        Result result = cli.run("service", "uninstall");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains("an HTTP server still serves this store at http://127.0.0.1:8765/mcp (pid "
                + pid + "); if the service started it, end it: taskkill /PID " + pid), result::toString);
        assertFalse(result.out().contains("it is stopped"), result::toString);
    }

    @Test
    void nonLoopbackHostCreatesTheTokenAndSaysClientsMustSendIt() {
        Result result = cli.run("service", "install", "--host", "0.0.0.0");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(Files.isRegularFile(cli.stateDir().resolve("http-token")));
        assertTrue(result.out().contains("Authorization: Bearer"), result::toString);
    }

    @Test
    void refusedInstallsWriteNothingAndRunNothing() throws Exception {
        Result badHost = cli.run("service", "install", "--host", "no-such-host.invalid");
        assertEquals(2, badHost.exitCode(), badHost::toString);
        assertTrue(badHost.err().contains("--host no-such-host.invalid is not an address of this machine"),
                badHost::toString);
        Result badPort = cli.run("service", "install", "--port", "0");
        assertEquals(2, badPort.exitCode(), badPort::toString);
        Files.writeString(cli.stateDir().resolve("http-server.json"), "{\"pid\":" + ProcessHandle.current().pid()
                + ",\"url\":\"http://127.0.0.1:8765/mcp\",\"transport\":\"http\",\"token_required\":false}\n");
        Result serving = cli.run("service", "install");
        assertEquals(2, serving.exitCode(), serving::toString);
        assertTrue(serving.err().contains("already serves this store at http://127.0.0.1:8765/mcp"),
                serving::toString);
        assertFalse(Files.exists(unit()));
        assertEquals(List.of(), commands.ran());
    }

    @Test
    void installNeedsTheLauncher() {
        System.clearProperty("memtomem.bin");
        Result result = cli.run("service", "install");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("run mm through its launcher (bin/mm) to install the service"),
                result::toString);
        assertFalse(Files.exists(unit()));
    }

    @Test
    void storeUninstallRefusesWhileTheServiceIsInstalled() {
        assertEquals(0, cli.run("service", "install").exitCode());
        Result refused = cli.run("uninstall", "-y", "--force");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("A memtomem systemd user unit is installed (" + unit() + ")"),
                refused::toString);
        assertTrue(refused.err().contains("Remove it first: mm service uninstall"), refused::toString);
        assertTrue(Files.isDirectory(cli.stateDir()));
        assertEquals(0, cli.run("service", "uninstall").exitCode());
        Result removed = cli.run("uninstall", "-y");
        assertEquals(0, removed.exitCode(), removed::toString);
        assertFalse(Files.exists(cli.stateDir()));
    }

    @Test
    void storeStatusMentionsTheInstalledServiceWithoutAskingItsManager() throws Exception {
        assertFalse(cli.run("status").out().contains("Service:"));
        assertEquals(0, cli.run("service", "install").exitCode());
        commands.clear();
        Result text = cli.run("status");
        assertTrue(text.out().contains("Service: systemd user unit " + unit()), text::toString);
        JsonNode json = new ObjectMapper().readTree(cli.run("status", "--json").out());
        assertEquals("systemd", json.get("service").get("platform").asText());
        assertEquals(List.of(), commands.ran());
    }

    @Test
    void serviceWithoutAVerbIsAUsageErrorNamingTheVerbs() {
        Result result = cli.run("service");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Missing subcommand: install, uninstall or status"), result::toString);
        assertEquals(List.of(), commands.ran());
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            return new java.util.ArrayList<>(paths.filter(Files::isRegularFile).sorted().toList());
        }
    }

    @Test
    void realRunnerReportsExitCodeOutputAndAMissingProgram() {
        CommandRunner system = CommandRunner.system();
        CommandRunner.Result ran = system.run(List.of("sh", "-c", "echo to-out; echo to-err >&2; exit 3"));
        assertEquals(3, ran.exitCode());
        assertTrue(ran.output().contains("to-out") && ran.output().contains("to-err"), ran.output());
        CommandRunner.Result missing = system.run(List.of("no-such-program-memtomem"));
        assertEquals(CommandRunner.NOT_FOUND, missing.exitCode());
        assertTrue(missing.output().startsWith("no-such-program-memtomem: cannot run it"), missing.output());
    }
}
