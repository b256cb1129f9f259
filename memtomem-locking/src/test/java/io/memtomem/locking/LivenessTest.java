package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.testsupport.FakeOs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §5.5 store-scoped and store-agnostic aggregates. */
@SuppressWarnings("try") // locks are held by try-with-resources for their side effect alone
@PosixOnly
class LivenessTest {

    @TempDir
    Path tmp;

    private Path home;
    private Path runtime;
    private FakeOs os;
    private Path ownDb;
    private Path foreignDb;

    @BeforeEach
    void isolatedRuntimeDirAndHome() throws IOException {
        home = Files.createDirectory(tmp.resolve("home"));
        runtime = tmp.resolve("runtime");
        os = FakeOs.posixWithRuntimeDir(runtime);
        ownDb = tmp.resolve("own/memtomem.db");
        foreignDb = tmp.resolve("foreign/memtomem.db");
    }

    private AcquireResult.Held holdIn(Path dir, String name) throws IOException {
        return (AcquireResult.Held) PidLock.acquire(os, dir.resolve(name));
    }

    /** §9 scenario 44: a missing runtime dir is an empty candidate — dead — and probing does not create it. */
    @Test
    void missingRuntimeDirProbesDeadAndIsNotCreated() {
        ServerState state = Liveness.checkServer(os, ownDb, home);

        assertEquals(ServerState.absent(), state);
        assertFalse(Files.exists(runtime, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(home.resolve(".memtomem"), LinkOption.NOFOLLOW_LINKS));
    }

    /** §5.5 (§9 scenario 37 at module level): own store's holder is seen, a foreign store's holder is not. */
    @Test
    void scopedCheckSeesOwnStoreHolderAndIgnoresForeignStore() throws IOException {
        Path dir = RuntimeDirs.ensure(os);
        try (AcquireResult.Held foreign = holdIn(dir, PidFileNames.forStore(os, foreignDb))) {
            assertFalse(Liveness.checkServer(os, ownDb, home).alive());

            try (AcquireResult.Held own = holdIn(dir, PidFileNames.forStore(os, ownDb))) {
                ServerState state = Liveness.checkServer(os, ownDb, home);
                assertTrue(state.alive());
                assertEquals(own.pidFile(), state.pidFile());
                assertEquals(own.pid(), state.pid());
            }
        }
    }

    /** §5.5: a held bare {@code server.pid} (a server without a digest) still gates the scoped check. */
    @Test
    void heldBareServerPidGatesScopedCheck() throws IOException {
        try (AcquireResult.Held bare = holdIn(RuntimeDirs.ensure(os), PidFileNames.BARE_NAME)) {
            assertEquals(bare.pidFile(), Liveness.checkServer(os, ownDb, home).pidFile());
        }
    }

    /** §5.5: without a digest every {@code server-*.pid} is found by scanning; stale files do not count. */
    @Test
    void storeAgnosticCheckFindsScopedHolderByScanning() throws IOException {
        Path dir = RuntimeDirs.ensure(os);
        Files.writeString(dir.resolve("server-0000000000000000.pid"), "1\n");
        try (AcquireResult.Held foreign = holdIn(dir, PidFileNames.forStore(os, foreignDb))) {
            assertEquals(foreign.pidFile(), Liveness.checkServer(os, null, home).pidFile());
            assertEquals(foreign.pidFile(), Liveness.checkServer(os, Path.of(":memory:"), home).pidFile());
        }
        assertFalse(Liveness.checkServer(os, null, home).alive());
    }

    /** §5.5 (§9 scenario 42 at module level): a symlinked canonical runtime dir fails the whole aggregate closed. */
    @Test
    void symlinkedCanonicalRuntimeDirFailsClosed() throws IOException {
        Files.createSymbolicLink(runtime, Files.createDirectory(tmp.resolve("elsewhere")));

        ServerState state = Liveness.checkServer(os, ownDb, home);

        assertTrue(state.cannotVerify());
        assertNull(state.pidFile());
        assertTrue(state.probeError().contains("symlink"), state.probeError());
    }

    /**
     * §5.5 (§9 scenario 42 at module level): a refused speculative transition dir is skipped with a scrubbed
     * {@code skipped: <path> (<reason>)} warning and does not gate. The fake euid keeps the canonical
     * {@code /tmp/memtomem-<euid>} absent on any real machine.
     */
    @Test
    void refusedSpeculativeDirIsSkippedWithWarningAndDoesNotGate() throws IOException {
        long unusedUid = 3_999_999_999L;
        Path tempRoot = Files.createDirectory(tmp.resolve("temp\u0007root"));
        Files.createSymbolicLink(tempRoot.resolve("memtomem-" + unusedUid), Files.createDirectory(tmp.resolve("t")));
        FakeOs speculative = FakeOs.posix().withEuid(unusedUid).withEnv(Map.of("TMPDIR", tempRoot.toString()));

        ServerState state = Liveness.checkServer(speculative, ownDb, home);

        assertFalse(state.alive());
        assertEquals("skipped: " + tmp + "/temp\\x07root/memtomem-" + unusedUid + " (symlink)", state.probeWarning());
    }
}
