package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Requests no server may accept: wrong types, missing fields, oversized strings, path traversal, unknown tools and
 * methods. Traversal targets stay inside the sandbox on purpose: if the server wrongly obeys one, the write lands
 * where the test's before/after snapshot sees it instead of in a real system file.
 */
final class MalformedRequests {
    /** A JSON-RPC method and its params, sent with a fresh id. */
    record Request(String method, JsonNode params) {
        private static final int SHOWN = 160;

        /** Short enough for an assertion message even when a param is a 100,000-character string. */
        @Override
        public String toString() {
            String text = method + " " + params;
            return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
        }
    }

    /** Lines that are not a JSON-RPC message at all, so no reply can carry an id. */
    static final List<String> INVALID_LINES = List.of("{", "not json at all", "{\"jsonrpc\":\"2.0\",\"id\":",
            "[1,2", "}{", "\u0001\u0002garbage\u007f", "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"id\":}",
            "\"just a string\"", "[]", "12345");

    private final Random random;
    private final List<Supplier<Request>> templates = new ArrayList<>();

    MalformedRequests(Random random, Path sandboxRoot) {
        this.random = random;
        String outside = sandboxRoot.resolve("outside").resolve("escaped.md").toString();
        unknownTools();
        search();
        add(outside);
        index(outside);
        recall();
        read();
        list();
        doActions();
        malformedCalls();
    }

    /** At least {@code count} requests: every template, repeated, in a seeded random order. */
    List<Request> generate(int count) {
        List<Request> requests = new ArrayList<>();
        while (requests.size() < count) {
            templates.forEach(template -> requests.add(template.get()));
        }
        Collections.shuffle(requests, random);
        return requests;
    }

    private void unknownTools() {
        for (String name : List.of("mem_nope", "", "MEM_SEARCH", "mem_search ", "../mem_add", "mem_do/../mem_add")) {
            call(name, Map.of());
        }
        templates.add(() -> callRequest(randomText(5_000), Map.of()));
    }

    private void search() {
        call("mem_search", Map.of());
        for (Object wrongType : wrongTypes()) {
            call("mem_search", map("query", wrongType));
        }
        call("mem_search", Map.of("query", ""));
        call("mem_search", Map.of("query", "   "));
        templates.add(() -> callRequest("mem_search", Map.of("query", randomText(10_001))));
        for (Object topK : List.of("ten", 0, -5, 101, 1.5, 1e12, List.of(3))) {
            call("mem_search", Map.of("query", "router", "top_k", topK));
        }
        call("mem_search", Map.of("query", "router", "bm25_weight", -1));
        call("mem_search", Map.of("query", "router", "namespace", 7));
    }

    private void add(String outside) {
        call("mem_add", Map.of());
        for (Object wrongType : wrongTypes()) {
            call("mem_add", map("content", wrongType));
        }
        templates.add(() -> callRequest("mem_add", Map.of("content", randomText(100_001))));
        call("mem_add", Map.of("content", "tags as a string", "tags", "a,b"));
        call("mem_add", Map.of("content", "tags as numbers", "tags", List.of(1, 2)));
        call("mem_add", Map.of("content", "title as a list", "title", List.of("x")));
        for (String file : List.of("../../etc/passwd", "../../../escaped.md", "sub/../../escaped.md", outside,
                "nul\u0000byte.md")) {
            call("mem_add", Map.of("content", "traversal attempt", "file", file));
        }
    }

    private void index(String outside) {
        for (Object path : List.of(5, outside, "nul\u0000byte", List.of("x"))) {
            call("mem_index", Map.of("path", path));
        }
        call("mem_index", Map.of("recursive", "yes"));
        call("mem_index", Map.of("force", 3));
    }

    private void recall() {
        call("mem_recall", Map.of("since", "garbage"));
        call("mem_recall", Map.of("since", "2026-01-01", "until", "2025-01-01"));
        for (Object limit : List.of(0, 501, "x", -1)) {
            call("mem_recall", Map.of("limit", limit));
        }
    }

    private void read() {
        call("mem_read", Map.of());
        for (Object chunkId : List.of("not-a-uuid", 5, "../../etc/passwd", List.of(), "")) {
            call("mem_read", Map.of("chunk_id", chunkId));
        }
    }

    private void list() {
        call("mem_list", Map.of("source_filter", 5));
        call("mem_list", Map.of("namespace", List.of()));
    }

    private void doActions() {
        call("mem_do", Map.of());
        call("mem_do", Map.of("action", 5));
        call("mem_do", Map.of("action", "nope"));
        call("mem_do", Map.of("action", "help", "params", "not an object"));
        call("mem_do", Map.of("action", "edit"));
        call("mem_do", Map.of("action", "delete"));
        call("mem_do", Map.of("action", "delete", "params", Map.of("chunk_id", "../../etc/passwd")));
        call("mem_do", Map.of("action", "expand", "params", Map.of("chunk_id", "zzz")));
        call("mem_do", Map.of("action", "batch_add", "params", Map.of("entries", "not a list")));
    }

    /** Broken {@code tools/call} envelopes and methods no server has. */
    private void malformedCalls() {
        ObjectNode noName = RawMcpSession.JSON.createObjectNode();
        noName.putObject("arguments");
        templates.add(() -> new Request("tools/call", noName));
        templates.add(() -> new Request("tools/call", RawMcpSession.JSON.valueToTree(Map.of("name", 5))));
        templates.add(() -> new Request("tools/call",
                RawMcpSession.JSON.valueToTree(Map.of("name", "mem_search", "arguments", List.of(1, 2)))));
        templates.add(() -> new Request("tools/call",
                RawMcpSession.JSON.valueToTree(Map.of("name", "mem_search", "arguments", "query"))));
        templates.add(() -> new Request("tools/call", RawMcpSession.JSON.createArrayNode()));
        templates.add(() -> new Request("tools/call", null));
        for (String method : List.of("tools/cal", "resources/nope", "mem_search", "")) {
            templates.add(() -> new Request(method, RawMcpSession.JSON.createObjectNode()));
        }
    }

    private static List<Object> wrongTypes() {
        List<Object> values = new ArrayList<>(List.of(42, List.of("a"), Map.of("k", "v"), true));
        values.add(null);
        return values;
    }

    /** {@link Map#of} refuses null values, which are exactly what some cases need. */
    private static Map<String, Object> map(String key, Object value) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(key, value);
        return map;
    }

    private void call(String tool, Map<String, ?> arguments) {
        Request request = callRequest(tool, arguments);
        templates.add(() -> request);
    }

    private static Request callRequest(String tool, Map<String, ?> arguments) {
        ObjectNode params = RawMcpSession.JSON.createObjectNode();
        params.put("name", tool);
        params.set("arguments", RawMcpSession.JSON.valueToTree(arguments));
        return new Request("tools/call", params);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
