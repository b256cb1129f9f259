package io.memtomem.core.config;

import io.memtomem.core.MemtomemException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates store directories as 0700 and restricts files to 0600 where the file system has POSIX permissions. */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /**
     * Creates the directory (and missing parents); a directory created here gets mode 0700, while one that exists
     * keeps the mode its owner chose.
     */
    public static void createDirectories(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Path parent = dir.getParent();
            if (parent != null) {
                createDirectories(parent);
            }
            if (POSIX) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another process created it first: fine
        } catch (IOException e) {
            throw new MemtomemException("cannot create directory " + dir + ": " + e, e);
        }
    }

    /**
     * Attributes that make a file created with them 0600 on POSIX (none elsewhere); an existing file keeps the mode
     * its owner chose.
     */
    public static FileAttribute<?>[] ownerOnlyFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    /** Sets mode 0600 on an existing file (best effort off POSIX). */
    public static void restrictToOwner(Path file) {
        if (!POSIX || !Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new MemtomemException("cannot restrict permissions of " + file + ": " + e, e);
        }
    }
}
