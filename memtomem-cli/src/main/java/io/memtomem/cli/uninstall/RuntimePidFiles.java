package io.memtomem.cli.uninstall;

import io.memtomem.locking.Os;
import io.memtomem.locking.PidFileNames;
import io.memtomem.locking.RuntimeDirRefusedException;
import io.memtomem.locking.RuntimeDirs;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This store's pid files: its scoped name and the bare fallback name, in every runtime dir that validates. Another
 * store's {@code server-<digest>.pid} is never listed. A refused or undeterminable runtime dir contributes nothing
 * (the liveness gate has already failed closed on it; only --force gets this far).
 */
final class RuntimePidFiles {
    private RuntimePidFiles() {
    }

    static List<Path> of(Os os, Path dbPath) {
        List<Path> dirs;
        try {
            dirs = RuntimeDirs.usable(os).dirs();
        } catch (RuntimeDirRefusedException | UncheckedIOException unusable) {
            return List.of();
        }
        String scopedName = PidFileNames.forStore(os, dbPath);
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            files.add(dir.resolve(scopedName));
            if (!scopedName.equals(PidFileNames.BARE_NAME)) {
                files.add(dir.resolve(PidFileNames.BARE_NAME));
            }
        }
        return files;
    }
}
