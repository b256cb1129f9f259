package io.memtomem.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermVocabularyTest {
    @TempDir
    Path dir;

    @Test
    void readersCountTheChunksHoldingATermOneByOneOrAllAtOnce() {
        try (Database database = Database.open(dir.resolve("memtomem.db"))) {
            database.write("test rows", session -> {
                session.execute("INSERT INTO chunks(id, content, content_hash, source_file) VALUES"
                        + " ('a', 'x', 'h1', '/n.md'), ('b', 'y', 'h2', '/n.md'), ('c', 'z', 'h3', '/n.md')");
                session.execute("INSERT INTO chunks_fts(rowid, content, source_file) VALUES"
                        + " (1, 'Café kafka kafka', '/kafka/n.md'), (2, 'kafka broker', '/n.md'),"
                        + " (3, 'broker zone', '/n.md')");
                return null;
            });
            Map<String, Long> all = new HashMap<>();
            database.read("scan", session -> {
                TermVocabulary.allDocumentFrequencies(session, all::put);
                return null;
            });
            assertEquals(Map.of("cafe", 1L, "kafka", 2L, "broker", 2L, "zone", 1L), all,
                    "content column only: path words do not count");
            assertEquals(2L, (long) database.read("one", session -> TermVocabulary.documentFrequency(session,
                    "kafka")));
            assertEquals(0L, (long) database.read("none", session -> TermVocabulary.documentFrequency(session,
                    "absent")));
            assertEquals(3L, (long) database.read("count", TermVocabulary::documentCount));
        }
    }
}
