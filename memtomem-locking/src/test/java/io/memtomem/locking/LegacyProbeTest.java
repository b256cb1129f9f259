package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.testsupport.FakeOs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * §9 scenario 39 [H][P]: legacy {@code ~/.memtomem/.server.pid} classification and gating. Holders are separate open
 * file descriptions in this JVM (flock semantics); the Python-holder variant is in PythonFlockInteropTest.
 */
@SuppressWarnings("try") // locks are held by try-with-resources for their side effect alone
@PosixOnly
class LegacyProbeTest {

    @TempDir
    Path tmp;

    private Path home;
    private Path legacy;
    private FakeOs os;

    @BeforeEach
    void emptyRuntimeDirAndHomeWithLegacyFile() throws IOException {
        home = Files.createDirectory(tmp.resolve("home"));
        legacy = PidFileNames.legacyPidFile(home);
        Files.createDirectories(legacy.getParent());
        Files.writeString(legacy, "");
        os = FakeOs.posixWithRuntimeDir(tmp.resolve("runtime"));
    }

    private LockableFile holdLegacy(LockMode mode) throws IOException {
        LockableFile holder = os.lockBackend().openForWriting(legacy);
        assertTrue(holder.tryLock(mode));
        return holder;
    }

    /** §9 scenario 39: a shared holder is classified "shared" and does not gate, scoped or store-agnostic. */
    @Test
    void sharedLegacyHolderIsClassifiedSharedAndDoesNotGate() throws IOException {
        try (LockableFile holder = holdLegacy(LockMode.SHARED)) {
            ServerState classified = PidProbe.probeLegacy(os, legacy);

            assertTrue(classified.alive());
            assertEquals("shared", classified.legacyLockMode());
            assertNull(classified.probeError());
            assertFalse(Liveness.checkServer(os, tmp.resolve("memtomem.db"), home).alive());
            assertFalse(Liveness.checkServer(os, null, home).alive());
        }
    }

    /** §9 scenario 39: an exclusive holder (a genuine pre-0.1.25 server) is "exclusive" and gates. */
    @Test
    void exclusiveLegacyHolderIsClassifiedExclusiveAndGates() throws IOException {
        try (LockableFile holder = holdLegacy(LockMode.EXCLUSIVE)) {
            ServerState scoped = Liveness.checkServer(os, tmp.resolve("memtomem.db"), home);

            assertEquals("exclusive", PidProbe.probeLegacy(os, legacy).legacyLockMode());
            assertTrue(scoped.alive());
            assertEquals("exclusive", scoped.legacyLockMode());
            assertEquals(legacy, scoped.pidFile());
            assertTrue(Liveness.checkServer(os, null, home).alive());
        }
    }

    /** §9 scenario 39: a legacy path that cannot be probed safely gates with a probeError. */
    @Test
    void unprobeableLegacyPathGatesWithProbeError() throws IOException {
        Files.delete(legacy);
        Files.createSymbolicLink(legacy, tmp.resolve("elsewhere"));

        ServerState state = Liveness.checkServer(os, tmp.resolve("memtomem.db"), home);

        assertTrue(state.cannotVerify());
        assertEquals(legacy, state.pidFile());
    }

    /** §5.4 step 3: a failing shared classification attempt gates with "legacy lock classification failed". */
    @Test
    void failedClassificationGatesWithProbeError() throws IOException {
        try (LockableFile holder = holdLegacy(LockMode.SHARED)) {
            FakeOs sharedAttemptFails = os.withLockBackend(new ForwardingLockBackend(os.lockBackend()) {
                @Override
                LockableFile wrap(Path file, LockableFile opened) {
                    return new ForwardingLockableFile(opened) {
                        @Override
                        public boolean tryLock(LockMode mode) throws IOException {
                            if (mode == LockMode.SHARED) {
                                throw new IOException("EIO");
                            }
                            return delegate.tryLock(mode);
                        }
                    };
                }
            });

            ServerState state = Liveness.checkServer(sharedAttemptFails, tmp.resolve("memtomem.db"), home);

            assertTrue(state.cannotVerify());
            assertTrue(state.probeError().startsWith("legacy lock classification failed"), state.probeError());
        }
    }

    /** §5.4: a stale legacy file with no holder is dead and never classified. */
    @Test
    void staleLegacyFileIsDeadAndUnclassified() {
        ServerState state = PidProbe.probeLegacy(os, legacy);

        assertFalse(state.alive());
        assertNull(state.legacyLockMode());
    }
}
