package io.memtomem.locking.testsupport;

import io.memtomem.locking.FileIdentity;
import io.memtomem.locking.LockBackend;
import io.memtomem.locking.Os;
import io.memtomem.locking.windows.WindowsLockBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An injectable {@link Os}: it can claim to be Windows or macOS, carry any environment and euid, and swap the lock
 * backend, while file identities (and, unless replaced, the POSIX lock backend) come from the real platform.
 */
public final class FakeOs implements Os {

    private static final Os REAL = Os.current();

    private final boolean windows;
    private final boolean macOs;
    private final Map<String, String> env;
    private final long euid;
    private final Path localAppData;
    private final LockBackend lockBackend;

    private FakeOs(boolean windows, boolean macOs, Map<String, String> env, long euid, Path localAppData,
            LockBackend lockBackend) {
        this.windows = windows;
        this.macOs = macOs;
        this.env = Map.copyOf(env);
        this.euid = euid;
        this.localAppData = localAppData;
        this.lockBackend = lockBackend;
    }

    /** Linux-like: the real euid and the real flock backend (POSIX hosts only), an empty environment. */
    public static FakeOs posix() {
        return new FakeOs(false, false, Map.of(), REAL.effectiveUid(), null, null);
    }

    /** Windows-like: uid 0, the FileChannel byte-range backend, {@code localAppData} as the Known Folder. */
    public static FakeOs windows(Path localAppData) {
        return new FakeOs(true, false, Map.of(), 0, localAppData, new WindowsLockBackend());
    }

    /** A POSIX fake whose runtime dir is redirected by the test-only override (both env markers set). */
    public static FakeOs posixWithRuntimeDir(Path runtimeDir) {
        return posix().withEnv(testRuntimeDirEnv(runtimeDir));
    }

    /** The two env variables that redirect the runtime dir of this JVM's fakes and of spawned children. */
    public static Map<String, String> testRuntimeDirEnv(Path runtimeDir) {
        return Map.of("_MEMTOMEM_TEST_MODE", "1", "_MEMTOMEM_TEST_RUNTIME_DIR", runtimeDir.toString());
    }

    public FakeOs macOs() {
        return new FakeOs(windows, true, env, euid, localAppData, lockBackend);
    }

    /** Adds to the environment (later values win). */
    public FakeOs withEnv(Map<String, String> extra) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(extra);
        return new FakeOs(windows, macOs, merged, euid, localAppData, lockBackend);
    }

    public FakeOs withEuid(long uid) {
        return new FakeOs(windows, macOs, env, uid, localAppData, lockBackend);
    }

    public FakeOs withLockBackend(LockBackend backend) {
        return new FakeOs(windows, macOs, env, euid, localAppData, backend);
    }

    @Override
    public boolean isWindows() {
        return windows;
    }

    @Override
    public boolean isMacOs() {
        return macOs;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public long effectiveUid() {
        return euid;
    }

    @Override
    public Path localAppDataFolder() {
        if (!windows) {
            throw new UnsupportedOperationException("LocalAppData is a Windows Known Folder");
        }
        return localAppData;
    }

    @Override
    public FileIdentity fileIdentity(Path path) throws IOException {
        return REAL.fileIdentity(path);
    }

    /** The injected backend, else the real one of this host (created on first use, so Windows hosts can build fakes). */
    @Override
    public LockBackend lockBackend() {
        return lockBackend != null ? lockBackend : REAL.lockBackend();
    }
}
