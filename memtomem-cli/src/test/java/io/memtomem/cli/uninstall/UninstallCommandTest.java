package io.memtomem.cli.uninstall;

import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.Holders;
import io.memtomem.locking.LifecycleBarrier;
import io.memtomem.locking.PidFileNames;
import io.memtomem.locking.testsupport.FakeOs;
import io.memtomem.locking.testsupport.PidHolderMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UninstallCommandTest {
    @TempDir
    Path temp;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = CliHarness.in(temp);
    }

    @Test
    void withNoStateThereIsNothingToRemove() {
        Result result = cli.run("uninstall", "-y");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("No memtomem state to remove."), result.out());
        assertTrue(result.out().contains("Binary install detected"), result.out());
    }

    @Test
    void yesRemovesEveryKindOfStateAndTheEmptiedStateDir() throws Exception {
        StateFixture.seedEverything(cli);
        Path legacy = Files.writeString(PidFileNames.legacyPidFile(cli.home()), "");
        Result result = cli.run("uninstall", "-y");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("memtomem state inventory:"), result.out());
        assertTrue(result.out().contains("Total to delete: ~"), result.out());
        assertTrue(result.out().contains("Removed: session/pid, logs, fragments, backups, config.json, memories, "
                + "database, state dir."), result.out());
        assertFalse(Files.exists(cli.stateDir()));
        assertFalse(Files.exists(legacy));
        assertFalse(Files.exists(cli.storePidFile()));
        assertTrue(Files.isDirectory(cli.runtimeDir()), "the shared runtime dir stays");
    }

    @Test
    void theInventoryIsPrintedBeforeAnythingHappensWithHomeShownAsTilde() throws Exception {
        StateFixture.seedEverything(cli);
        String out = cli.run("uninstall").out();
        assertTrue(out.contains("  Database     ~/.memtomem/memtomem.db"), out);
        assertTrue(out.contains("  Config       ~/.memtomem/config.json"), out);
        assertTrue(out.contains("  Memories     ~/.memtomem/memories"), out);
        assertTrue(out.contains("  Other        " + cli.storePidFile()), out);
    }

    @Test
    void keepDataKeepsTheDatabaseAndMemoriesAndRemovesConfig() throws Exception {
        StateFixture.seedEverything(cli);
        Result result = cli.run("uninstall", "-y", "--keep-data");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("(kept)"), result.out());
        Path state = cli.stateDir();
        assertTrue(Files.exists(state.resolve("memtomem.db")));
        assertTrue(Files.isDirectory(state.resolve("memories")));
        assertFalse(Files.exists(state.resolve("config.json")) || Files.exists(state.resolve("config.d")));
    }

    @Test
    void keepConfigKeepsConfigFragmentsAndBackupsAndRemovesData() throws Exception {
        StateFixture.seedEverything(cli);
        assertEquals(0, cli.run("uninstall", "-y", "--keep-config").exitCode());
        Path state = cli.stateDir();
        assertTrue(Files.exists(state.resolve("config.json")) && Files.isDirectory(state.resolve("config.d"))
                && Files.exists(state.resolve("config.json.bak-20260501")));
        assertFalse(Files.exists(state.resolve("memtomem.db")) || Files.exists(state.resolve("memories")));
    }

    @Test
    void keepingEverythingThatExistsLeavesNothingToDelete() throws Exception {
        cli.run("init", "--non-interactive");
        cli.run("add", "only data and config here");
        Result result = cli.run("uninstall", "-y", "--keep-data", "--keep-config");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Nothing to delete with the current flags."), result.out());
    }

    @Test
    void aDatabaseOutsideTheStateDirIsListedAndKeptUnlessIncludeExternalDbIsGiven() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        cli.run("init", "--non-interactive");
        cli.run("config", "set", "storage.sqlite_path", dataDir.resolve("store.db").toString());
        cli.run("add", "stored elsewhere");
        Files.writeString(dataDir.resolve("unrelated.txt"), "mine");
        Result kept = cli.run("uninstall", "-y", "--keep-config"); // the config still names it for the second run
        assertEquals(0, kept.exitCode(), kept::toString);
        assertTrue(kept.out().contains("(custom storage path: " + dataDir + ")"), kept.out());
        assertTrue(kept.out().contains("(kept: outside ~/.memtomem; --include-external-db deletes it)"), kept.out());
        assertTrue(Files.exists(dataDir.resolve("store.db")));

        Result included = cli.run("uninstall", "-y", "--include-external-db");
        assertEquals(0, included.exitCode(), included::toString);
        assertTrue(included.out().contains("Removed: config.json, database."), included.out());
        assertFalse(Files.exists(dataDir.resolve("store.db")));
        assertTrue(Files.exists(dataDir.resolve("unrelated.txt")));
    }

    @Test
    void aFileThatIsNotASqliteDatabaseIsNeverDeletedEvenWhenIncluded() throws Exception {
        Path profile = Files.writeString(temp.resolve("profile.sh"), "export PATH=$HOME/bin:$PATH\n");
        Path wal = Files.writeString(temp.resolve("profile.sh-wal"), "my other file\n");
        cli.run("init", "--non-interactive");
        cli.run("config", "set", "storage.sqlite_path", profile.toString());
        Result result = cli.run("uninstall", "-y", "--include-external-db");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("is not a SQLite database; never deleted"), result.out());
        assertEquals("export PATH=$HOME/bin:$PATH\n", Files.readString(profile));
        assertEquals("my other file\n", Files.readString(wal));
        assertFalse(Files.exists(cli.stateDir().resolve("config.json")), "what uninstall owns is still removed");
    }

    @Test
    void memoryDirsOutsideTheStateDirAndEditorConfigsAreNeverTouched() throws Exception {
        Path notes = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(notes.resolve("mine.md"), "# Mine\n\nkeep me\n");
        cli.run("init", "--non-interactive", "--memory-dir", notes.toString());
        cli.run("index", notes.toString());
        Path claude = Files.writeString(cli.home().resolve(".claude.json"),
                "{\"mcpServers\":{\"memtomem\":{\"command\":\"memtomem-server\"}}}");
        Map<String, Long> notesBefore = StateFixture.snapshot(notes);
        String claudeBefore = Files.readString(claude);

        Result result = cli.run("uninstall", "-y");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("External integrations (NOT touched"), result.out());
        assertTrue(result.out().contains("~/.claude.json"), result.out());
        assertEquals(notesBefore, StateFixture.snapshot(notes));
        assertEquals(claudeBefore, Files.readString(claude));
    }

    @Test
    void withoutATerminalAndWithoutYesItRefusesAndDeletesNothing() throws Exception {
        StateFixture.seedEverything(cli);
        Map<String, Long> before = StateFixture.snapshot(temp);
        Result result = cli.run("uninstall");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("non-interactive shell"), result.err());
        assertEquals(before, StateFixture.snapshot(temp));
    }

    @Test
    void answeringNoAtThePromptCancelsWithExitOne() throws Exception {
        StateFixture.seedEverything(cli);
        Map<String, Long> before = StateFixture.snapshot(temp);
        Result result = cli.runInteractive("n\n", "uninstall");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Proceed with state deletion? [y/N]"), result.out());
        assertTrue(result.out().contains("Cancelled — no files were touched."), result.out());
        assertEquals(before, StateFixture.snapshot(temp));
    }

    @Test
    void answeringYesAtThePromptDeletes() throws Exception {
        StateFixture.seedEverything(cli);
        Result result = cli.runInteractive("y\n", "uninstall");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(Files.exists(cli.stateDir()));
    }

    @Test
    void aRunningServerOnThisStoreRefusesWithItsPidAndDeletesNothing() throws Exception {
        StateFixture.seedEverything(cli);
        PidHolderMain.Started holder = Holders.holdInRuntimeDir(cli, cli.storePidFile());
        try {
            Map<String, Long> before = StateFixture.snapshot(cli.home());
            Result result = cli.run("uninstall", "-y");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("Server still running (pid " + holder.heldPid() + ")"), result.err());
            assertTrue(result.err().contains("kill " + holder.heldPid()), result.err());
            assertTrue(result.err().contains("pass --force"), result.err());
            assertEquals(before, StateFixture.snapshot(cli.home()));
            assertTrue(Files.exists(cli.storePidFile()));
        } finally {
            Holders.release(holder);
        }
    }

    @Test
    void forceDeletesDespiteAHeldLockOnPosix() throws Exception {
        StateFixture.seedEverything(cli);
        PidHolderMain.Started holder = Holders.holdInRuntimeDir(cli, cli.storePidFile());
        try {
            Result result = cli.run("uninstall", "-y", "--force");
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.err().contains("--force"), result.err());
            assertFalse(Files.exists(cli.stateDir()));
        } finally {
            Holders.release(holder);
        }
    }

    @Test
    void aHeldBarePidFileAlsoRefuses() throws Exception {
        StateFixture.seedEverything(cli);
        PidHolderMain.Started holder = Holders.holdInRuntimeDir(cli, cli.runtimeDir().resolve("server.pid"));
        try {
            Result result = cli.run("uninstall", "-y");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("Server still running"), result.err());
        } finally {
            Holders.release(holder);
        }
    }

    @Test
    void anExclusiveLegacyHolderRefuses() throws Exception {
        StateFixture.seedEverything(cli);
        PidHolderMain.Started holder = Holders.hold(cli, PidFileNames.legacyPidFile(cli.home()));
        try {
            Result result = cli.run("uninstall", "-y");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("Server still running"), result.err());
            assertTrue(Files.exists(cli.stateDir().resolve("memtomem.db")));
        } finally {
            Holders.release(holder);
        }
    }

    @Test
    void aServerOfAnotherStoreNeitherBlocksNorLosesItsPidFile() throws Exception {
        StateFixture.seedEverything(cli);
        Path foreign = cli.runtimeDir().resolve(PidFileNames.forStore(cli.os(), temp.resolve("other/store.db")));
        PidHolderMain.Started holder = Holders.holdInRuntimeDir(cli, foreign);
        try {
            Result result = cli.run("uninstall", "-y");
            assertEquals(0, result.exitCode(), result::toString);
            assertFalse(result.out().contains(foreign.getFileName().toString()), result.out());
            assertTrue(Files.exists(foreign));
            assertFalse(Files.exists(cli.stateDir()));
        } finally {
            Holders.release(holder);
        }
    }

    @Test
    void aStalePidFileDoesNotBlockAndIsRemoved() throws Exception {
        StateFixture.seedEverything(cli);       // its pid file names a pid nobody holds the lock for
        Files.writeString(cli.storePidFile(), Long.toString(ProcessHandle.current().pid()));
        Result result = cli.run("uninstall", "-y");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(Files.exists(cli.storePidFile()));
    }

    @Test
    void anUnprobeablePidFileCannotBeVerifiedAndRefusesUnlessForced() throws Exception {
        StateFixture.seedEverything(cli);
        Files.delete(cli.storePidFile());
        Files.createSymbolicLink(cli.storePidFile(), temp.resolve("elsewhere"));
        Map<String, Long> before = StateFixture.snapshot(cli.home());

        Result refused = cli.run("uninstall", "-y");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("Cannot verify whether a memtomem server is running"), refused.err());
        assertTrue(refused.err().contains("Repair or remove that path"), refused.err());
        assertTrue(refused.err().contains("pass --force"), refused.err());
        assertFalse(refused.err().contains("flock is held"), refused.err());
        assertEquals(before, StateFixture.snapshot(cli.home()));

        Result forced = cli.run("uninstall", "-y", "--force");
        assertEquals(0, forced.exitCode(), forced::toString);
        assertFalse(Files.exists(cli.stateDir()));
        assertFalse(Files.exists(cli.storePidFile(), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void onWindowsAnUnverifiableServerRefusesEvenWithForceAndOffersNoForce() throws Exception {
        StateFixture.seedEverything(cli);
        cli.withOs(FakeOs.windows(temp.resolve("LocalAppData")).withEnv(cli.runtimeEnv()));
        Files.createDirectory(cli.storePidFile());   // the Windows spelling of the store path digests differently
        Result result = cli.run("uninstall", "-y", "--force");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Cannot verify whether a memtomem server is running"), result.err());
        assertFalse(result.err().contains("--force"), result.err());
        assertTrue(Files.exists(cli.stateDir().resolve("memtomem.db")));
    }

    @Test
    void anOpenWriteTransactionRefusesNamingTheDatabase() throws Exception {
        StateFixture.seedEverything(cli);
        Path db = cli.config().storage().sqlitePath();
        try (Connection writer = new SQLiteConfig().createConnection("jdbc:sqlite:" + db);
             Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            Result result = cli.run("uninstall", "-y");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("holds a write lock on " + db), result.err());
            assertTrue(result.err().contains("lsof " + db), result.err());
            assertFalse(result.err().contains("Server still running"), result.err());
            assertTrue(Files.exists(db));

            cli.withOs(FakeOs.windows(temp.resolve("LocalAppData")).withEnv(cli.runtimeEnv()));
            Result windows = cli.run("uninstall", "-y", "--force");
            assertEquals(2, windows.exitCode(), windows::toString);
            assertTrue(windows.err().contains("--force cannot wipe an open SQLite database on Windows"),
                    windows.err());
            assertTrue(Files.exists(db));
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void forceDeletesDespiteAWriteTransactionOnPosix() throws Exception {
        StateFixture.seedEverything(cli);
        Path db = cli.config().storage().sqlitePath();
        try (Connection writer = new SQLiteConfig().createConnection("jdbc:sqlite:" + db);
             Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            Result result = cli.run("uninstall", "-y", "--force");
            assertEquals(0, result.exitCode(), result::toString);
            assertFalse(Files.exists(db));
        }
    }

    @Test
    void aServerStartingWhileThePromptWaitsIsRefusedAtTheRecheck() throws Exception {
        StateFixture.seedEverything(cli);
        PidHolderMain.Started[] holder = new PidHolderMain.Started[1];
        InputStream answerAfterAServerStarted = new InputStream() {
            private final InputStream answer = new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws IOException {
                startHolderOnce();
                return answer.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                startHolderOnce();
                return answer.read(buffer, offset, length);
            }

            private void startHolderOnce() throws IOException {
                if (holder[0] == null) {
                    try {
                        holder[0] = Holders.holdInRuntimeDir(cli, cli.storePidFile());
                    } catch (Exception e) {
                        throw new IOException(e);
                    }
                }
            }
        };
        try {
            Result result = cli.runInteractive(answerAfterAServerStarted, "uninstall");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("became active while uninstall was waiting"), result.err());
            assertTrue(Files.exists(cli.stateDir().resolve("memtomem.db")));
        } finally {
            if (holder[0] != null) {
                Holders.release(holder[0]);
            }
        }
    }

    @Test
    void anUnreadableConfigFallsBackToTheDefaultDatabaseWithAWarning() throws Exception {
        StateFixture.seedEverything(cli);
        Files.writeString(cli.stateDir().resolve("config.json"), "{ not json");
        Result result = cli.run("uninstall", "-y");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains("config unreadable"), result.err());
        assertFalse(Files.exists(cli.stateDir().resolve("memtomem.db")));
    }

    @Test
    void aFailedMoveRollsBackEverythingAndLeavesNoStagingDir() throws Exception {
        StateFixture.seedEverything(cli);
        Map<String, Long> before = StateFixture.snapshot(temp);
        AtomicInteger moves = new AtomicInteger();
        Result result = runWithMover((source, target) -> {
            if (moves.incrementAndGet() == 2) {
                throw new IOException("disk on fire");
            }
            StagedDeletion.ATOMIC_RENAME.move(source, target);
        });
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Deletion failed at"), result.err());
        assertTrue(result.err().contains("Rolled back — no files were deleted."), result.err());
        assertEquals(before, snapshotBesideTheRetainedBarrier());
    }

    @Test
    void aFailedRollbackSaysWhereTheStagedFilesAre() throws Exception {
        StateFixture.seedEverything(cli);
        AtomicInteger moves = new AtomicInteger();
        Result result = runWithMover((source, target) -> {
            if (moves.incrementAndGet() >= 3) {
                throw new IOException("read-only file system");
            }
            StagedDeletion.ATOMIC_RENAME.move(source, target);
        });
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Rollback also failed"), result.err());
        assertTrue(result.err().contains("Staging dir: "), result.err());
        assertTrue(result.err().contains(".uninstall-staging-" + ProcessHandle.current().pid()), result.err());
    }

    @Test
    void aCrossFilesystemMoveIsRefusedWithTheTreeUntouched() throws Exception {
        StateFixture.seedEverything(cli);
        Map<String, Long> before = StateFixture.snapshot(temp);
        Result result = runWithMover((source, target) -> {
            throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "EXDEV");
        });
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("different filesystem"), result.err());
        assertEquals(before, snapshotBesideTheRetainedBarrier());
    }

    /** The lifecycle barrier's file is created by the first uninstall that takes it and never deleted (§1.6). */
    private Map<String, Long> snapshotBesideTheRetainedBarrier() {
        Map<String, Long> after = StateFixture.snapshot(temp);
        after.remove("runtime/" + LifecycleBarrier.FILE_NAME);
        return after;
    }

    private Result runWithMover(StagedDeletion.Mover mover) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        UninstallCommand command = new UninstallCommand(cli.context(InputStream.nullInputStream(), false, out, err),
                mover);
        int code = new CommandLine(command).execute("-y");
        return new Result(code, out.toString(), err.toString());
    }
}
