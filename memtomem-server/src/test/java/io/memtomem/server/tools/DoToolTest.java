package io.memtomem.server.tools;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoToolTest extends ToolsOnTempStore {

    @Test
    void helpListsEveryActionByCategory() {
        String text = tools.okAction("help", Map.of());
        for (String line : List.of("crud: edit, delete, batch_add", "search: expand", "namespace: ns_list",
                "tags: tag_list, auto_tag", "advanced: config, embedding_reset, version, stats")) {
            assertTrue(text.contains("\n" + line), () -> line + " missing in\n" + text);
        }
    }

    @Test
    void helpForACategoryListsTypedParameters() {
        String text = tools.okAction("help", Map.of("category", "crud"));
        assertTrue(text.startsWith("Actions in category 'crud':"), text);
        assertTrue(text.contains("\n  - chunk_id (string, required): The chunk to edit."), text);
        assertTrue(text.contains("\n  - entries (list of objects {key, value, tags}, required): "), text);
        assertTrue(tools.errorAction("help", Map.of("category", "nope")).contains("category must be one of"));
    }

    @Test
    void unknownActionsGetSuggestions() {
        assertEquals("Error: unknown action 'edt'. Did you mean: edit?", tools.errorAction("edt", Map.of()));
        assertTrue(tools.errorAction("tag", Map.of()).contains("Did you mean: auto_tag, tag_list"));
        assertEquals("Error: unknown action 'zzzzzzzzzzzzzzzz'. Run mem_do(action=\"help\") to list the actions.",
                tools.errorAction("zzzzzzzzzzzzzzzz", Map.of()));
    }

    @Test
    void aliasesAndSpellingVariantsResolve() {
        String expected = tools.okAction("ns_list", Map.of());
        assertEquals(expected, tools.okAction("namespace_list", Map.of()));
        assertEquals(expected, tools.okAction("mem_ns_list", Map.of()));
        assertEquals(expected, tools.okAction("NS-List", Map.of()));
    }

    @Test
    void badParamsAreRefusedWithTheActionName() {
        assertTrue(tools.error("mem_do", Map.of()).contains("action is required"));
        assertTrue(tools.error("mem_do", Map.of("action", "help", "params", "crud")).contains("params must be an object"));
        assertTrue(tools.errorAction("ns_list", Map.of("bogus", 1))
                .startsWith("Error: invalid parameter for action 'ns_list': unknown parameter 'bogus'"));
    }

    @Test
    void fullModeToolsRunTheSameHandlers() {
        assertEquals(tools.okAction("version", Map.of()), tools.ok("mem_version", Map.of()));
        assertTrue(tools.error("mem_edit", Map.of()).contains("chunk_id is required"));
    }
}
