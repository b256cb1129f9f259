package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.core.config.ConfigException;
import io.memtomem.server.tools.schema.Param;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolCatalogTest extends ToolsOnTempStore {
    private static final List<String> CORE = List.of("mem_search", "mem_add", "mem_index", "mem_recall",
            "mem_status", "mem_stats", "mem_list", "mem_read", "mem_do");

    @Test
    void coreModeExposesTheNineCoreTools() {
        assertEquals(CORE, names(tools.catalog().exposed(ToolMode.CORE)));
    }

    @Test
    void fullModeAddsEachActionOnceAsItsOwnTool() {
        List<String> full = names(tools.catalog().exposed(ToolMode.FULL));
        assertEquals(CORE, full.subList(0, CORE.size()));
        assertEquals(List.of("mem_help", "mem_edit", "mem_delete", "mem_batch_add", "mem_expand", "mem_ns_list",
                "mem_tag_list", "mem_auto_tag", "mem_config", "mem_embedding_reset", "mem_version"), full.subList(CORE.size(), full.size()));
    }

    @Test
    void instructionsDescribeExactlyTheExposedTools() {
        for (ToolMode mode : ToolMode.values()) {
            List<Operation> exposed = tools.catalog().exposed(mode);
            String text = Instructions.forTools(mode, exposed);
            for (Operation tool : exposed) {
                assertTrue(text.contains("\n- " + tool.name() + ": "), () -> tool.name() + " missing in " + text);
            }
            assertEquals(exposed.size(), text.split("\n- mem_", -1).length - 1, text);
            assertTrue(text.length() < 4_000, "instructions must stay short");
        }
        assertFalse(Instructions.forTools(ToolMode.CORE, tools.catalog().exposed(ToolMode.CORE)).contains("mem_edit:"));
    }

    @Test
    void schemasForbidUnknownPropertiesAndDeclareDefaults() {
        for (Operation tool : tools.catalog().exposed(ToolMode.FULL)) {
            Map<String, Object> schema = tool.schema().toJsonSchema();
            assertEquals("object", schema.get("type"));
            assertEquals(false, schema.get("additionalProperties"), tool.name());
        }
        Param topK = tools.catalog().coreTools().get(0).schema().params().stream()
                .filter(p -> p.name().equals("top_k")).findFirst().orElseThrow();
        assertEquals(Map.of("type", "integer", "description", topK.description(), "default", 10, "minimum", 1L,
                "maximum", 100L), topK.toJsonSchema());
    }

    @Test
    void everySchemaIsAValidJsonSchema() {
        // the server checks this off the startup path; a failure here would only be logged there
        DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator(new ObjectMapper());
        for (Operation tool : tools.catalog().exposed(ToolMode.FULL)) {
            JsonSchemaValidator.ValidationResponse check = validator.validateSchema(tool.schema().toJsonSchema());
            assertTrue(check.valid(), () -> tool.name() + ": " + check.errorMessage());
        }
    }

    @Test
    void toolModeDefaultsToCore() {
        assertEquals(ToolMode.CORE, ToolMode.fromEnvironment(Map.of()));
        assertEquals(ToolMode.CORE, ToolMode.fromEnvironment(Map.of("MEMTOMEM_TOOL_MODE", "")));
        assertEquals(ToolMode.FULL, ToolMode.fromEnvironment(Map.of("MEMTOMEM_TOOL_MODE", " Full ")));
    }

    @Test
    void standardModeIsTheCoreToolsPlusTheReferencesStandardPacksAsTools() {
        assertEquals(ToolMode.STANDARD, ToolMode.fromEnvironment(Map.of("MEMTOMEM_TOOL_MODE", "standard")));
        List<String> standard = names(tools.catalog().exposed(ToolMode.STANDARD));
        assertEquals(CORE, standard.subList(0, CORE.size()));
        // crud, namespace and tags packs; search/advanced/meta actions stay behind mem_do as in the reference
        assertEquals(List.of("mem_edit", "mem_delete", "mem_batch_add", "mem_ns_list", "mem_tag_list",
                "mem_auto_tag"), standard.subList(CORE.size(), standard.size()));
    }

    @Test
    void anUnknownToolModeIsAConfigErrorNamingTheValidModes() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ToolMode.fromEnvironment(Map.of("MEMTOMEM_TOOL_MODE", "ful")));
        assertEquals("MEMTOMEM_TOOL_MODE", error.key());
        assertTrue(error.getMessage().contains("expected one of core, standard, full, got \"ful\""),
                error.getMessage());
    }

    private static List<String> names(List<Operation> operations) {
        return operations.stream().map(Operation::name).toList();
    }
}
