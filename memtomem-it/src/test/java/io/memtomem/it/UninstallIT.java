package io.memtomem.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario 5 (locking.md §7): {@code mm uninstall} never pulls a store from under a live server. */
class UninstallIT {
    private static final Duration EXIT_BOUND = Duration.ofSeconds(5);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void refusesWhileAServerIsLiveThenRemovesTheStoreOnceItStopped() throws IOException {
        sandbox.configure();
        RawMcpSession server = RawMcpSession.start(sandbox);
        server.callOk("mem_add", Map.of("content", "a memory the refused uninstall must keep"));
        FileTree before = FileTree.snapshot(sandbox.storeDir());

        Mm.Result refused = Mm.run(sandbox, "uninstall", "-y");

        assertEquals(2, refused.exitCode(), refused::toString);
        String expected = Platform.WINDOWS ? "Server still running"
                : "Server still running (pid " + server.process().pid() + ")";
        assertContains(refused.stdout() + refused.stderr(), expected);
        assertEquals(List.of(), before.removedIn(FileTree.snapshot(sandbox.storeDir())),
                "deleted by a refused uninstall");

        server.closeStdin();
        assertEquals(0, server.awaitExit(EXIT_BOUND), () -> server.stderr().text());
        Mm.run(sandbox, "uninstall", "-y").assertOk();

        // logs/ is outside the uninstall inventory (locking.md §7.9) and may keep the directory itself alive
        assertEquals(List.of(), storeEntriesOtherThanLogs(), "left in the store after uninstall");
    }

    @Test
    void keepDataKeepsTheMemoriesAndTheIndex() {
        sandbox.configure();
        Mm.run(sandbox, "add", "keepmarker a memory that outlives the uninstall").assertOk();
        Path dayFile = MarkdownFiles.onlyOne(sandbox.memoriesDir());
        String memories = MarkdownFiles.read(dayFile);

        Mm.run(sandbox, "uninstall", "-y", "--keep-data").assertOk();

        assertEquals(memories, MarkdownFiles.read(dayFile));
        assertTrue(Files.isRegularFile(sandbox.dbPath()), "--keep-data removed the database");
        assertFalse(Files.exists(sandbox.storeDir().resolve("config.json")), "--keep-data keeps data, not config");
        assertContains(Mm.run(sandbox, "search", "keepmarker").assertOk().stdout(), "keepmarker");
    }

    private List<String> storeEntriesOtherThanLogs() throws IOException {
        if (!Files.exists(sandbox.storeDir())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(sandbox.storeDir())) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> !name.equals("logs")).sorted()
                    .toList();
        }
    }
}
