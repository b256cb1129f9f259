package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #16: {@code bin/mm service install} on Linux for real, except for systemd itself: no build sandbox has a systemd user
 * session, and a developer's real user manager must never be touched, so a stand-in {@code systemctl} on the PATH
 * records its arguments and fails the way a shell without a session does. The unit's own ExecStart and Environment
 * lines are then started as systemd would start them, and must serve this store over HTTP.
 */
class ServiceIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void installedUnitServesThisStoreOverHttpAndUninstallRemovesIt() throws Exception {
        Platform.assumePosix("the systemd user unit is the Linux service; a stand-in systemctl is a shell script");
        sandbox.configure();
        Path calls = sandbox.root().resolve("systemctl-calls");
        Path fakeBin = Files.createDirectories(sandbox.root().resolve("fake-bin"));
        Path systemctl = fakeBin.resolve("systemctl");
        Files.writeString(systemctl, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
                + "echo 'Failed to connect to bus: No medium found' >&2\nexit 1\n");
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwx------"));
        sandbox.putEnv("PATH", fakeBin + ":" + System.getenv("PATH"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        Mm.Result install = Mm.run(sandbox, "service", "install", "--port", Integer.toString(port));
        assertEquals(1, install.exitCode(), install::toString);
        assertTrue(install.stderr().contains("No systemd user session is reachable"), install::toString);
        assertTrue(install.stderr().contains("Start it by hand: systemctl --user daemon-reload && systemctl --user "
                + "enable --now memtomem.service"), install::toString);
        assertEquals(List.of("--user daemon-reload"), Files.readAllLines(calls));
        Path unit = sandbox.home().resolve(".config/systemd/user/memtomem.service");
        List<String> lines = Files.readAllLines(unit);

        String url = "http://127.0.0.1:" + port + "/mcp";
        HttpServerProcess server = startAsSystemdWould(lines);
        assertEquals(url, server.url, server.stderr::text);
        JsonNode status = Mm.run(sandbox, "service", "status", "--json").assertOk().json();
        assertTrue(status.get("installed").asBoolean(), status::toString);
        assertEquals("unknown", status.get("state").asText(), status::toString);
        assertEquals(url, status.get("url").asText(), status::toString);
        assertEquals(unit.toString(), Mm.run(sandbox, "status", "--json").assertOk().json().path("service")
                .path("definition").asText());

        Mm.Result storeUninstall = Mm.run(sandbox, "uninstall", "-y", "--force");
        assertEquals(2, storeUninstall.exitCode(), storeUninstall::toString);
        assertTrue(storeUninstall.stderr().contains("Remove it first: mm service uninstall"),
                storeUninstall::toString);

        server.process.destroy();
        server.process.waitFor();
        Files.delete(calls);
        Mm.Result uninstall = Mm.run(sandbox, "service", "uninstall");
        assertEquals(0, uninstall.exitCode(), uninstall::toString);
        assertFalse(Files.exists(unit));
        assertEquals(List.of("--user disable --now memtomem.service", "--user daemon-reload"),
                Files.readAllLines(calls));
        assertTrue(uninstall.stderr().contains("stop it by hand: systemctl --user disable --now memtomem.service"),
                uninstall::toString);
    }

    /**
     * The unit's ExecStart with exactly its Environment lines (plus PATH, and the test-only runtime dir that keeps
     * the developer's real servers out of reach), the way the user manager starts it.
     */
    private HttpServerProcess startAsSystemdWould(List<String> unit) {
        List<String> command = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : unit) {
            if (line.startsWith("ExecStart=")) {
                // the sandbox's paths hold no spaces or quotes, so the words are plain
                command.addAll(Arrays.asList(line.substring("ExecStart=".length()).split(" ")));
            } else if (line.startsWith("Environment=\"")) {
                String assignment = line.substring("Environment=\"".length(), line.length() - 1);
                env.put(assignment.substring(0, assignment.indexOf('=')),
                        assignment.substring(assignment.indexOf('=') + 1));
            }
        }
        assertEquals(Launchers.server().get(0), command.get(0), unit::toString);
        assertEquals(sandbox.home().toString(), env.get("HOME"), unit::toString);
        assertEquals(sandbox.environment().get("MEMTOMEM_JAVA_OPTS"), env.get("MEMTOMEM_JAVA_OPTS"), unit::toString);
        env.put("PATH", System.getenv("PATH"));
        env.put("_MEMTOMEM_TEST_MODE", "1");
        env.put("_MEMTOMEM_TEST_RUNTIME_DIR", sandbox.runtimeDir().toString());
        ProcessBuilder builder = sandbox.processBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        return HttpServerProcess.started(sandbox.processes().start(builder), Duration.ofSeconds(60));
    }
}
