package io.memtomem.locking.windows;

import com.sun.jna.platform.win32.KnownFolders;
import com.sun.jna.platform.win32.Shell32Util;
import com.sun.jna.platform.win32.Win32Exception;
import io.memtomem.locking.FileIdentity;
import io.memtomem.locking.LockBackend;
import io.memtomem.locking.Os;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Windows: no uid, no signals, byte-range locks, and a runtime root anchored on a Known Folder. */
public final class WindowsOs implements Os {

    private final Map<String, String> env;
    private final LockBackend lockBackend = new WindowsLockBackend();
    private volatile Path localAppData;

    public WindowsOs(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public boolean isWindows() {
        return true;
    }

    @Override
    public boolean isMacOs() {
        return false;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public long effectiveUid() {
        return 0;
    }

    /**
     * {@code SHGetKnownFolderPath(FOLDERID_LocalAppData)}, cached for the process lifetime. Deliberately not
     * {@code %LOCALAPPDATA%}/{@code %TEMP%}: processes started with different environments must still meet.
     */
    @Override
    public Path localAppDataFolder() {
        Path folder = localAppData;
        if (folder == null) {
            try {
                folder = Path.of(Shell32Util.getKnownFolderPath(KnownFolders.FOLDERID_LocalAppData));
            } catch (Win32Exception e) {
                throw new UncheckedIOException(new IOException("cannot resolve the LocalAppData Known Folder", e));
            }
            localAppData = folder;
        }
        return folder;
    }

    @Override
    public FileIdentity fileIdentity(Path path) throws IOException {
        return WindowsFileIdentity.of(path);
    }

    @Override
    public LockBackend lockBackend() {
        return lockBackend;
    }
}
