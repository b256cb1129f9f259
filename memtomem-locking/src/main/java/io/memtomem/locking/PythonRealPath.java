package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Python's non-strict {@code os.path.realpath}: symlinks of the existing prefix are resolved, {@code ..} is applied
 * to the resolved (physical) path, and a missing tail is kept lexically. {@code Path.toRealPath} cannot be used: it
 * fails on the not-yet-created database that a server must already be able to lock.
 */
final class PythonRealPath {

    /** Linux's MAXSYMLINKS; more means a loop. */
    private static final int MAX_SYMLINKS = 40;

    private PythonRealPath() {
    }

    static Path of(Path absolute) throws IOException {
        Path resolved = absolute.getRoot();
        Deque<String> pending = new ArrayDeque<>();
        absolute.forEach(name -> pending.addLast(name.toString()));
        int symlinksFollowed = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                resolved = resolved.getParent() == null ? resolved : resolved.getParent();
                continue;
            }
            Path next = resolved.resolve(name);
            if (!isSymlink(next)) {
                resolved = next;
                continue;
            }
            if (++symlinksFollowed > MAX_SYMLINKS) {
                throw new FileSystemException(absolute.toString(), null, "too many levels of symbolic links");
            }
            Path target = Files.readSymbolicLink(next);
            if (target.isAbsolute()) {
                resolved = target.getRoot();
            }
            Deque<String> targetNames = new ArrayDeque<>();
            target.forEach(part -> targetNames.addFirst(part.toString()));
            targetNames.forEach(pending::addFirst);
        }
        return resolved;
    }

    private static boolean isSymlink(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
        } catch (NoSuchFileException missing) {
            return false;
        }
    }
}
