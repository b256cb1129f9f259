package io.memtomem.locking.posix;

import io.memtomem.locking.FileIdentity;
import io.memtomem.locking.LockBackend;
import io.memtomem.locking.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/** Linux and macOS. libc is only touched when a uid or a lock is actually needed. */
public final class PosixOs implements Os {

    private final Map<String, String> env;
    private final boolean macOs;
    private volatile LockBackend lockBackend;

    public PosixOs(Map<String, String> env, boolean macOs) {
        this.env = Map.copyOf(env);
        this.macOs = macOs;
    }

    @Override
    public boolean isWindows() {
        return false;
    }

    @Override
    public boolean isMacOs() {
        return macOs;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    /** The effective uid; {@code UnixSystem.getUid()} and {@code user.name} report the real user instead. */
    @Override
    public long effectiveUid() {
        return Integer.toUnsignedLong(LibC.get().geteuid());
    }

    @Override
    public Path localAppDataFolder() {
        throw new UnsupportedOperationException("LocalAppData is a Windows Known Folder");
    }

    @Override
    public FileIdentity fileIdentity(Path path) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
        return FileIdentity.posix((Long) attributes.get("dev"), (Long) attributes.get("ino"));
    }

    @Override
    public LockBackend lockBackend() {
        LockBackend backend = lockBackend;
        if (backend == null) {
            backend = new PosixLockBackend();
            lockBackend = backend;
        }
        return backend;
    }
}
