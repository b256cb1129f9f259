package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.memtomem.locking.testsupport.ChildProcess;
import io.memtomem.locking.testsupport.FakeOs;
import io.memtomem.locking.testsupport.PythonFlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's instance registry and lifecycle barrier (locking.md §1.6, §3.3 step 8, §7.3), ours and Python's. */
@PosixOnly
@SuppressWarnings("try") // barriers are held by try-with-resources for their side effect alone
class InstanceRegistryTest {

    @TempDir
    Path tmp;

    private FakeOs os;
    private Path db;

    @BeforeEach
    void store() throws Exception {
        os = FakeOs.posixWithRuntimeDir(tmp.resolve("runtime"));
        db = Files.writeString(tmp.resolve("memtomem.db"), "");
    }

    @Test
    void registeredServerIsLiveUntilItsRegistrationCloses() throws Exception {
        String digest = InstanceRegistry.storeDigest(os, db).orElseThrow();
        InstanceRegistry.Registration registration = InstanceRegistry.register(os, db);
        InstanceRegistry.Enumeration live = InstanceRegistry.enumerate(os);

        assertEquals(InstanceRegistry.Verdict.LIVE, live.verdict());
        assertEquals(ProcessHandle.current().pid(), live.serving(digest).get(0).pid());
        assertTrue(registration.sentinel().getFileName().toString()
                .matches(ProcessHandle.current().pid() + "-\\d+-" + digest + "-[0-9a-f]{8}-[0-9a-f]{8}\\.lock"));

        registration.close();
        assertEquals(InstanceRegistry.Verdict.NONE, InstanceRegistry.enumerate(os).verdict());
        assertFalse(Files.exists(registration.sentinel()));
    }

    @Test
    void oneProcessIsOneServingInstanceHoweverOftenItRegisters() throws Exception {
        String digest = InstanceRegistry.storeDigest(os, db).orElseThrow();
        try (InstanceRegistry.Registration first = InstanceRegistry.register(os, db);
             InstanceRegistry.Registration second = InstanceRegistry.register(os, db)) {
            assertEquals(2, InstanceRegistry.enumerate(os).live().size());
            assertEquals(1, InstanceRegistry.enumerate(os).serving(digest).size());
            assertEquals(List.of(), InstanceRegistry.enumerate(os).serving("0123456789abcdef"));
        }
    }

    @Test
    void aDeadServersSentinelIsNotLiveAndTheNextRegistrationPrunesIt() throws Exception {
        Path instances = Files.createDirectories(tmp.resolve("runtime/instances"));
        Files.setPosixFilePermissions(tmp.resolve("runtime"), java.nio.file.attribute.PosixFilePermissions
                .fromString("rwx------"));
        Files.setPosixFilePermissions(instances, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path dead = Files.writeString(instances.resolve("4242-1-0123456789abcdef-00000000-11111111.lock"), "");

        assertEquals(InstanceRegistry.Verdict.NONE, InstanceRegistry.enumerate(os).verdict());
        try (InstanceRegistry.Registration registration = InstanceRegistry.register(os, db)) {
            assertFalse(Files.exists(dead), "the dead server's sentinel was not pruned");
        }
    }

    @Test
    void aSymlinkedInstancesDirIsUntrusted() throws Exception {
        InstanceRegistry.register(os, db).close(); // creates the runtime dir and instances/
        Path instances = tmp.resolve("runtime/instances");
        Files.delete(instances);
        Files.createSymbolicLink(instances, Files.createDirectory(tmp.resolve("elsewhere")));

        InstanceRegistry.Enumeration enumeration = InstanceRegistry.enumerate(os);
        assertEquals(InstanceRegistry.Verdict.UNTRUSTED, enumeration.verdict());
        assertEquals(instances, enumeration.problemPath());
    }

    /** The digest is the reference's: SHA-256 of {@code "<st_dev>:<st_ino>"} as Python's os.stat reports them. */
    @Test
    void storeDigestIsTheReferencesDigestOfDeviceAndInode() throws Exception {
        assumeTrue(PythonFlock.available(), PythonFlock.MISSING);
        String script = "import hashlib, os, sys\n"
                + "st = os.stat(sys.argv[1])\n"
                + "print(hashlib.sha256(('%d:%d' % (st.st_dev, st.st_ino)).encode()).hexdigest()[:16], flush=True)";
        try (ChildProcess python = ChildProcess.start(List.of("python3", "-c", script, db.toString()), Map.of())) {
            assertEquals(Optional.of(python.awaitLine()), InstanceRegistry.storeDigest(os, db));
        }
        assertEquals(Optional.empty(), InstanceRegistry.storeDigest(os, tmp.resolve("missing.db")));
    }

    /** A Python server's sentinel (an exclusive flock on a file of the same name) is a live server to us. */
    @Test
    void aPythonServersSentinelCountsAsLive() throws Exception {
        assumeTrue(PythonFlock.available(), PythonFlock.MISSING);
        InstanceRegistry.register(os, db).close();
        String digest = InstanceRegistry.storeDigest(os, db).orElseThrow();
        Path sentinel = tmp.resolve("runtime/instances/777-1-" + digest + "-abcdef01-23456789.lock");
        try (ChildProcess python = PythonFlock.hold(sentinel, true, false)) {
            InstanceRegistry.Enumeration enumeration = InstanceRegistry.enumerate(os);
            assertEquals(InstanceRegistry.Verdict.LIVE, enumeration.verdict());
            assertEquals(List.of(777L), enumeration.serving(digest).stream().map(InstanceRegistry.Instance::pid)
                    .toList());
        }
    }

    @Test
    void sharedBarrierHoldersCoexistAndFenceAnExclusiveOne() throws Exception {
        try (LifecycleBarrier server = LifecycleBarrier.shared(os, LifecycleBarrier.BUDGET).orElseThrow();
             LifecycleBarrier other = LifecycleBarrier.shared(os, LifecycleBarrier.BUDGET).orElseThrow()) {
            assertEquals(Optional.empty(), LifecycleBarrier.exclusive(os, java.time.Duration.ofMillis(100)));
        }
        try (LifecycleBarrier uninstall = LifecycleBarrier.exclusive(os, LifecycleBarrier.BUDGET).orElseThrow()) {
            assertEquals(Optional.empty(), LifecycleBarrier.shared(os, java.time.Duration.ofMillis(100)));
        }
    }

    /** The Python memtomem's side of the barrier on the same file: its shared holder fences our uninstall and back. */
    @Test
    void barrierInterlocksWithThePythonMemtomem() throws Exception {
        assumeTrue(PythonFlock.available(), PythonFlock.MISSING);
        Path barrier = RuntimeDirs.ensure(os).resolve(LifecycleBarrier.FILE_NAME);
        try (ChildProcess pythonServer = PythonFlock.hold(barrier, false, false)) {
            assertEquals(Optional.empty(), LifecycleBarrier.exclusive(os, java.time.Duration.ofMillis(200)));
        }
        try (LifecycleBarrier ourServer = LifecycleBarrier.shared(os, LifecycleBarrier.BUDGET).orElseThrow()) {
            assertEquals("CONTENDED", PythonFlock.tryExclusive(barrier));
        }
    }
}
