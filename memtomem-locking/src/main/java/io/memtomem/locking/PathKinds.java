package io.memtomem.locking;

import java.nio.file.attribute.BasicFileAttributes;

/** Names what sits at a path, from no-follow attributes. */
final class PathKinds {

    private PathKinds() {
    }

    /**
     * A Windows junction is a directory reparse point: the JDK reports it as a directory that is also "other" and never
     * as a symbolic link, so it would otherwise pass a symlink check.
     */
    static boolean isJunction(BasicFileAttributes attributes) {
        return attributes.isDirectory() && attributes.isOther();
    }

    static String describe(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "symlink";
        }
        if (isJunction(attributes)) {
            return "junction";
        }
        if (attributes.isDirectory()) {
            return "directory";
        }
        if (attributes.isRegularFile()) {
            return "regular file";
        }
        return "special file: FIFO, device or socket";
    }
}
