package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** #16: every tool reply stays under the cap, cut between whole results, saying what was left out and how to page. */
class ResultCapTest {
    private static final int CAP_TOKENS = 500;
    private static final int CAP_CHARS = CAP_TOKENS * ResultCap.CHARS_PER_TOKEN;

    @TempDir
    Path home;
    ToolHarness tools;

    @BeforeEach
    void open() {
        tools = new ToolHarness(home, Map.of(ResultCap.ENV, String.valueOf(CAP_TOKENS)));
        for (int i = 0; i < 30; i++) {
            tools.ok("mem_add", Map.of("title", "Note " + i, "content",
                    "Shared keyword capword, note number " + i + ". " + "Filler text. ".repeat(30)));
        }
    }

    @AfterEach
    void close() {
        tools.close();
    }

    @Test
    void recallIsCutBetweenWholeMemoriesAndSaysHowManyWereLeftOut() {
        String text = tools.ok("mem_recall", Map.of("limit", 30));
        assertTrue(text.length() <= CAP_CHARS, () -> text.length() + " characters");
        assertTrue(text.startsWith("Found 30 memories"), text);
        assertTrue(text.matches("(?s).*\\[\\d+ more results left out after the first \\d+ .*until.*\\]"), text);
        assertEquals(count(text, "```") % 2, 0, "a memory was cut in half: " + text);
    }

    @Test
    void searchInEveryFormatStaysUnderTheCap() {
        for (String format : new String[]{"compact", "verbose"}) {
            String text = tools.ok("mem_search", Map.of("query", "capword", "top_k", 30, "format", format));
            assertTrue(text.length() <= CAP_CHARS, () -> format + ": " + text.length() + " characters");
            assertTrue(text.contains("more results left out") && text.contains("top_k"), text);
        }
        String json = tools.ok("mem_search", Map.of("query", "capword", "top_k", 30, "output_format", "json"));
        assertTrue(json.length() <= CAP_CHARS, () -> json.length() + " characters");
        JsonNode parsed = ToolHarness.json(json);
        JsonNode truncated = parsed.get("truncated");
        assertEquals(30, truncated.get("shown").asInt() + truncated.get("omitted").asInt(), json);
        assertEquals(truncated.get("shown").asInt(), parsed.get("results").size());
        assertTrue(truncated.get("how_to_page").asText().contains("top_k"), json);
    }

    @Test
    void aReplyUnderTheCapIsUnchanged() {
        String text = tools.ok("mem_recall", Map.of("limit", 2));
        assertTrue(!text.contains("left out"), text);
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
