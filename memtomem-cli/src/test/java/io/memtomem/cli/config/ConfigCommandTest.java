package io.memtomem.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCommandTest extends InitializedStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void showListsEffectiveValuesSortedByKey() {
        Result result = cli.run("config", "show");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("search.default_top_k = 10"), result.out());
        assertEquals(result.out().lines().sorted().toList(), result.out().lines().toList());
    }

    @Test
    void setPersistsAndShowReflectsIt() throws Exception {
        Result set = cli.run("config", "set", "search.default_top_k", "7");
        assertEquals(0, set.exitCode(), set::toString);
        assertEquals(7, JSON.readTree(cli.run("config", "show", "--json").out()).get("search.default_top_k").asInt());

        assertEquals(0, cli.run("config", "unset", "search.default_top_k").exitCode());
        assertEquals(10, JSON.readTree(cli.run("config", "show", "--json").out()).get("search.default_top_k").asInt());
    }

    @Test
    void apiKeysAreMasked() throws Exception {
        cli.run("config", "set", "embedding.api_key", "sk-very-secret-value");
        Result result = cli.run("config", "show");
        assertFalse(result.out().contains("sk-very-secret-value"), result.out());
        assertTrue(result.out().contains("embedding.api_key = ********"), result.out());
        JsonNode json = JSON.readTree(cli.run("config", "show", "--json").out());
        assertEquals("********", json.get("embedding.api_key").asText());
    }

    @Test
    void anUnknownKeyIsAOneLineErrorWithASuggestion() {
        Result result = cli.run("config", "set", "search.default_topk", "5");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("search.default_top_k"), result.err());
    }

    @Test
    void aBadValueIsAnErrorNamingTheKey() {
        Result result = cli.run("config", "set", "search.default_top_k", "lots");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("search.default_top_k"), result.err());
    }

    @Test
    void anEnvironmentOverrideIsPointedOut() {
        Result result = cli.withEnv("MEMTOMEM_SEARCH__DEFAULT_TOP_K", "3").run("config", "set", "search.default_top_k", "7");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains("overrides config.json"), result.err());
    }

    @Test
    void configAloneIsAUsageError() {
        assertEquals(2, cli.run("config").exitCode());
        assertEquals(2, cli.run("config", "set", "search.default_top_k").exitCode());
    }
}
