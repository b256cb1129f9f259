package io.memtomem.core.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.write.AddOptions;
import io.memtomem.core.write.AddRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A memory deleted from the index leaves no readable copy in the database file or its WAL. */
class SecureDeleteTest {
    /** Only ever written through force_unsafe, so any byte of it left behind is a leak. */
    private static final String SECRET = "AKIAQWERTYUIOPZXCVBN";

    @TempDir
    Path home;

    @Test
    void deletedForceUnsafeEntryIsNotLeftInTheDatabaseOrItsWal() throws IOException {
        MemtomemConfig config = TestStores.config(home);
        try (Memtomem memtomem = Memtomem.open(config)) {
            memtomem.add(AddRequest.of("A clean note about the weekly deploy checklist."));
            memtomem.add(AddRequest.of("Temporary note: the staging key is " + SECRET + " until Friday."),
                    new AddOptions(true, false, null));
            assertTrue(databaseBytesContain(config.storage().sqlitePath(), SECRET), "the scan must see the secret first");
            String id = memtomem.recall(RecallRequest.recent(5)).chunks().stream()
                    .filter(chunk -> chunk.content().contains(SECRET)).findFirst().orElseThrow().id();
            memtomem.deleteChunk(id);
            assertFalse(databaseBytesContain(config.storage().sqlitePath(), SECRET), "left behind while the store is open");
        }
        assertFalse(databaseBytesContain(config.storage().sqlitePath(), SECRET), "left behind after close");
    }

    @Test
    void editReplacingAForceUnsafeSecretLeavesNoCopyInTheDatabaseOrItsWal() throws IOException {
        assertNoCopyLeftAfter("the edit", (memtomem, id) -> memtomem.edit(id,
                "Temporary note: the staging key was rotated, ask ops for the new one.", null, false));
    }

    @Test
    void deleteBySourceOfAFileHoldingASecretLeavesNoCopyInTheDatabaseOrItsWal() throws IOException {
        assertNoCopyLeftAfter("delete-by-source", (memtomem, id) -> memtomem.deleteBySource("staging"));
    }

    @Test
    void deleteByNamespaceHoldingASecretLeavesNoCopyInTheDatabaseOrItsWal() throws IOException {
        assertNoCopyLeftAfter("delete-by-namespace", (memtomem, id) -> memtomem.deleteByNamespace("staging"));
    }

    /** Beside a clean note, adds the secret, then removes it as {@code remove} does. */
    private void assertNoCopyLeftAfter(String removal, BiConsumer<Memtomem, String> remove) throws IOException {
        MemtomemConfig config = TestStores.config(home);
        try (Memtomem memtomem = Memtomem.open(config)) {
            memtomem.add(AddRequest.of("A clean note about the weekly deploy checklist."));
            remove.accept(memtomem, addSecret(memtomem));
            assertFalse(databaseBytesContain(config.storage().sqlitePath(), SECRET), "left behind by " + removal);
        }
        assertFalse(databaseBytesContain(config.storage().sqlitePath(), SECRET), "left behind after close");
    }

    /** Adds the secret with force_unsafe to namespace {@code staging} (its own day file); returns its chunk id. */
    private String addSecret(Memtomem memtomem) throws IOException {
        memtomem.add(new AddRequest("Temporary note: the staging key is " + SECRET + " until Friday.", null,
                List.of(), "staging", null), new AddOptions(true, false, null));
        assertTrue(databaseBytesContain(memtomem.config().storage().sqlitePath(), SECRET), "the scan must see the secret first");
        return memtomem.recall(RecallRequest.recent(5)).chunks().stream()
                .filter(chunk -> chunk.content().contains(SECRET)).findFirst().orElseThrow().id();
    }

    /** The database, its WAL and its shared-memory file, searched for the text in any letter case. */
    private static boolean databaseBytesContain(Path db, String text) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(file) && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
