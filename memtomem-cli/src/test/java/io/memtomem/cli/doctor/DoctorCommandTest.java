package io.memtomem.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorCommandTest {
    @TempDir
    Path temp;

    @Test
    void anUnconfiguredStoreIsAnErrorWhoseFixIsInit() {
        Result result = CliHarness.in(temp).run("doctor");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("FAIL  config: no ") && result.out().contains("fix: mm init"), result.out());
    }

    @Test
    void jsonListsEveryCheckOfAHealthyStore() throws Exception {
        CliHarness cli = CliHarness.in(temp);
        cli.run("init", "--non-interactive");
        Result result = cli.run("doctor", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertTrue(json.path("ok").asBoolean(), result.out());
        List<String> names = new ArrayList<>();
        json.path("checks").forEach(check -> names.add(check.path("name").asText()));
        assertTrue(names.containsAll(List.of("java", "launchers", "config", "store", "memory dir", "server",
                "embedding")), names.toString());
    }

    @Test
    void aHostConfigThatStartsAnotherInstallIsFlaggedWithTheFix() throws Exception {
        CliHarness cli = CliHarness.in(temp);
        cli.run("init", "--non-interactive");
        Path cursor = Files.createDirectories(cli.home().resolve(".cursor")).resolve("mcp.json");
        Files.writeString(cursor, "{\"mcpServers\": {\"memtomem\": {\"command\": \"/opt/old/bin/memtomem-server\"}}}");
        String before = System.getProperty("memtomem.bin");
        System.setProperty("memtomem.bin", temp.resolve("new/bin").toString());
        try {
            Result result = cli.run("doctor");
            assertTrue(result.out().contains("host cursor: " + cursor + " starts /opt/old/bin/memtomem-server, not this "
                    + "install"), result.out());
            assertTrue(result.out().contains("mm init --mcp json"), result.out());
        } finally {
            if (before == null) {
                System.clearProperty("memtomem.bin");
            } else {
                System.setProperty("memtomem.bin", before);
            }
        }
    }
}
