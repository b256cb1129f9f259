package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.core.SharedEval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chunk spans beyond corpus_v2: the 2,000 generated notes of {@code eval/chunker-generated} must chunk exactly as the
 * Python reference does (start line, end line, content hash and heading list of every chunk), so a store indexed by
 * both tools never churns.
 */
class GeneratedNotesConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyGeneratedNoteChunksExactlyAsTheReference() throws IOException {
        Path data = SharedEval.locate().resolve("eval/chunker-generated");
        JsonNode expected = JSON.readTree(data.resolve("expected.json").toFile()).path("expected");
        Chunkers chunkers = new Chunkers(ChunkingSettings.defaults(), Chunkers.DEFAULT_EXTENSIONS);
        int files = 0;
        int chunks = 0;
        List<String> differing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            Path note = data.resolve("notes").resolve(file.getKey());
            List<String> want = new ArrayList<>();
            file.getValue().forEach(c -> want.add(describe(c.path("start_line").asInt(), c.path("end_line").asInt(),
                    c.path("content_hash").asText(), headings(c.path("hierarchy")))));
            List<String> got = new ArrayList<>();
            for (Chunk chunk : chunkers.chunk(note, Files.readString(note))) {
                got.add(describe(chunk.startLine(), chunk.endLine(), chunk.contentHash(), chunk.hierarchy()));
            }
            files++;
            chunks += got.size();
            if (!want.equals(got)) {
                differing.add(file.getKey() + "\n  reference " + want + "\n  ours      " + got);
            }
        }
        System.out.printf("generated-notes conformance: %d/%d files identical, %d chunks%n",
                files - differing.size(), files, chunks);
        assertEquals(2000, files, "expected.json should describe 2,000 notes");
        assertTrue(differing.isEmpty(), () -> differing.size() + " files differ; first:\n"
                + String.join("\n", differing.subList(0, Math.min(5, differing.size()))));
    }

    private static List<String> headings(JsonNode hierarchy) {
        List<String> list = new ArrayList<>();
        hierarchy.forEach(h -> list.add(h.asText()));
        return list;
    }

    private static String describe(int start, int end, String hash, List<String> hierarchy) {
        return start + "-" + end + " " + hash.substring(0, 12) + " " + hierarchy;
    }
}
