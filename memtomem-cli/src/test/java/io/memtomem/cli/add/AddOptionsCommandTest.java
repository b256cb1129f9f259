package io.memtomem.cli.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mm add --template, --force-unsafe, --idempotency-key and --allow-namespace-mix. */
class AddOptionsCommandTest extends InitializedStoreTest {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path fileOf(Result result) throws Exception {
        return Path.of(JSON.readTree(result.out()).get("file").asText());
    }

    @Test
    void templateTurnsJsonFieldsIntoAnEntryUnderItsKindHeading() throws Exception {
        Result result = cli.run("add", "{\"symptom\": \"502s at the gateway\", \"fix\": \"raise the timeout\"}",
                "--template", "debug", "--title", "Gateway 502", "--tags", "ops", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        String markdown = Files.readString(fileOf(result));
        assertTrue(markdown.contains("## Debug: Gateway 502\n\n> created: "), markdown);
        assertTrue(markdown.contains("**Symptom:** 502s at the gateway\n\n**Fix:** raise the timeout\n"), markdown);
        assertTrue(cli.run("search", "gateway timeout").out().contains(fileOf(result).getFileName().toString()));
    }

    @Test
    void anUnknownTemplateIsAOneLineErrorListingTheValidOnes() {
        Result result = cli.run("add", "x", "--template", "rfc", "--title", "T");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("Error: unknown template 'rfc': use one of adr, meeting, debug, decision, procedure",
                result.err().strip());
    }

    @Test
    void aSecretIsRefusedWithoutEchoingIt() {
        Result result = cli.run("add", "deploy key " + KEY);
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("Error: refused by the secret-redaction gate, which flagged content: "
                + "aws-access-key-id (line 1)."), result.err());
        assertTrue(result.err().contains("--force-unsafe"), result.err());
        assertFalse((result.out() + result.err()).contains(KEY));
    }

    @Test
    void forceUnsafeWritesReportsTheBypassAndAuditsItOnStderr() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Result result;
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            result = cli.run("add", "deploy key " + KEY, "--force-unsafe", "--json");
        } finally {
            System.setErr(original);
        }
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("content: aws-access-key-id (line 1)", JSON.readTree(result.out()).get("redaction_bypassed")
                .asText());
        assertTrue(Files.readString(fileOf(result)).contains(KEY));
        String audit = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(audit.contains("redaction gate bypassed (force_unsafe) by mem_add for " + fileOf(result)
                + ": content: aws-access-key-id (line 1)"), audit);
        assertFalse(audit.contains(KEY), audit);
    }

    @Test
    void aRepeatedIdempotencyKeyPrintsTheFirstResultAndWritesNothing() throws Exception {
        Result first = cli.run("add", "Deploys freeze on Fridays", "--idempotency-key", "req-1", "--json");
        String markdown = Files.readString(fileOf(first));
        JsonNode firstJson = JSON.readTree(first.out());
        assertFalse(firstJson.get("replayed").asBoolean());

        Result again = cli.run("add", "Deploys freeze on Fridays", "--idempotency-key", "req-1", "--json");
        JsonNode againJson = JSON.readTree(again.out());
        assertTrue(againJson.get("replayed").asBoolean());
        assertEquals(firstJson.get("file"), againJson.get("file"));
        assertTrue(againJson.has("first_written_at"));
        assertEquals(markdown, Files.readString(fileOf(first)));

        Result text = cli.run("add", "Deploys freeze on Fridays", "--idempotency-key", "req-1");
        assertTrue(text.out().strip().matches("Added to .+ \\(\\d+ chunks indexed\\) - replayed: this idempotency "
                + "key was first used at .+; nothing new was written"), text.out());
    }

    @Test
    void aKeyOver256CharactersIsRefused() {
        Result result = cli.run("add", "x", "--idempotency-key", "k".repeat(257));
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("idempotency_key is 257 characters, over the limit of 256"), result.err());
    }

    @Test
    void anotherNamespaceInAFileIsRefusedUnlessMixingIsAllowed() {
        cli.run("add", "mine", "--file", "shared.md", "-n", "personal");
        Result refused = cli.run("add", "theirs", "--file", "shared.md", "-n", "work");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("already holds namespace personal, not work")
                && refused.err().contains("--allow-namespace-mix"), refused.err());
        Result allowed = cli.run("add", "theirs", "--file", "shared.md", "-n", "work", "--allow-namespace-mix");
        assertEquals(0, allowed.exitCode(), allowed::toString);
    }

    @Test
    void helpListsTheNewOptions() {
        String help = cli.run("add", "--help").out();
        for (String option : new String[] {"--template", "--force-unsafe", "--idempotency-key",
                "--allow-namespace-mix"}) {
            assertTrue(help.contains(option), option);
        }
    }
}
