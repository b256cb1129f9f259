package io.memtomem.cli.uninstall;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryTest {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0 and pages".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;
    private Path state;
    private Path db;

    @BeforeEach
    void setUp() throws Exception {
        state = Files.createDirectories(temp.resolve(".memtomem"));
        db = state.resolve("memtomem.db");
        for (String name : List.of("memtomem.db", "memtomem.db-wal", "memtomem.db-shm", "memtomem.db-journal",
                "config.json", "config.json.bak-1", ".server.pid")) {
            Files.writeString(state.resolve(name), "x");
        }
        Files.write(db, SQLITE_HEADER);
        Files.createDirectories(state.resolve("memories/sub"));
        Files.writeString(state.resolve("memories/sub/note.md"), "12345");
        Files.writeString(state.resolve("unrelated.log"), "never listed");
    }

    @Test
    void listsTheDatabaseWithAllItsSiblingsAndDirectoriesAsOneEntry() {
        Inventory inventory = Inventory.collect(state, db, List.of(), false);
        List<Path> database = paths(inventory, Group.DATABASE);
        assertEquals(List.of(db, state.resolve("memtomem.db-wal"), state.resolve("memtomem.db-shm"),
                state.resolve("memtomem.db-journal")), database);
        Entry memories = inventory.entries().stream().filter(entry -> entry.group() == Group.MEMORIES).findFirst()
                .orElseThrow();
        assertEquals(5, memories.bytes(), "a directory's size is the sum of its files");
        assertTrue(inventory.entries().stream().noneMatch(entry -> entry.path().endsWith("unrelated.log")));
    }

    @Test
    void aLinkIsListedAsItselfAndNeverBillsItsTarget() throws Exception {
        Path big = Files.write(temp.resolve("big.bin"), new byte[10_000]);
        Files.createSymbolicLink(state.resolve("uploads"), big);
        Entry uploads = Inventory.collect(state, db, List.of(), false).entries().stream()
                .filter(entry -> entry.group() == Group.UPLOADS).findFirst().orElseThrow();
        assertTrue(uploads.bytes() < 10_000, "link size, not target size: " + uploads.bytes());
    }

    @Test
    void keepFlagsDropTheirGroupsAndStagingPutsTheDatabaseLast() {
        Inventory inventory = Inventory.collect(state, db, List.of(), false);
        List<Entry> all = inventory.toDelete(false, false);
        assertEquals(Group.OTHER, all.get(0).group());
        assertEquals(Group.DATABASE, all.get(all.size() - 1).group());
        assertTrue(inventory.toDelete(true, false).stream()
                .noneMatch(entry -> entry.group() == Group.DATABASE || entry.group() == Group.MEMORIES));
        assertTrue(inventory.toDelete(false, true).stream()
                .noneMatch(entry -> entry.group() == Group.CONFIG || entry.group() == Group.BACKUPS));
    }

    @Test
    void aFileThatIsNotASqliteDatabaseIsKeptWithItsSiblingsWhateverTheFlags() throws Exception {
        Files.writeString(db, "export PATH=$HOME/bin:$PATH\n");
        Inventory inventory = Inventory.collect(state, db, List.of(), true);
        assertEquals(4, paths(inventory, Group.DATABASE).size(), "still listed");
        assertTrue(inventory.toDelete(false, false).stream().noneMatch(entry -> entry.group() == Group.DATABASE));
        assertTrue(inventory.entries().stream().filter(entry -> entry.group() == Group.DATABASE)
                .allMatch(entry -> entry.keptBecause().contains("not a SQLite database")));
    }

    @Test
    void aDatabaseOutsideTheStateDirIsListedAndKeptUnlessIncluded() throws Exception {
        Path external = Files.write(Files.createDirectories(temp.resolve("data")).resolve("store.db"), SQLITE_HEADER);
        Inventory kept = Inventory.collect(state, external, List.of(), false);
        assertEquals(List.of(external), paths(kept, Group.DATABASE));
        assertTrue(kept.toDelete(false, false).stream().noneMatch(entry -> entry.group() == Group.DATABASE));
        Inventory included = Inventory.collect(state, external, List.of(), true);
        assertTrue(included.toDelete(false, false).stream().anyMatch(entry -> entry.path().equals(external)));
    }

    @Test
    void theLogsDirIsListedAndDeleted() throws Exception {
        Files.createDirectories(state.resolve("logs"));
        Files.writeString(state.resolve("logs/server.log"), "a line");
        Inventory inventory = Inventory.collect(state, db, List.of(), false);
        assertEquals(List.of(state.resolve("logs")), paths(inventory, Group.LOGS));
        assertTrue(inventory.toDelete(false, false).stream().anyMatch(entry -> entry.group() == Group.LOGS));
    }

    private static List<Path> paths(Inventory inventory, Group group) {
        return inventory.entries().stream().filter(entry -> entry.group() == group).map(Entry::path).toList();
    }
}
