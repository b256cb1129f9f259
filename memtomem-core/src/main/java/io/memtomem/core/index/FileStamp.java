package io.memtomem.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What a file looked like when the indexer read it: size, modification time and file key (the inode, which an atomic
 * replace changes). Compared again inside the write transaction, so chunks read before a concurrent writer appended
 * and re-indexed are never applied over that writer's rows: an append always changes the size, a replace the key.
 */
record FileStamp(long size, long modifiedNanos, Object fileKey) {
    /** A path that is missing or not a regular file. */
    static final FileStamp ABSENT = new FileStamp(-1, 0, null);

    static FileStamp of(BasicFileAttributes attributes) {
        if (!attributes.isRegularFile()) {
            return ABSENT;
        }
        long nanos = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return new FileStamp(attributes.size(), nanos, attributes.fileKey());
    }

    // written out: the generated pair is linked through ObjectMethods, method-handle spinning in a cold mm add
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp that && size == that.size && modifiedNanos == that.modifiedNanos
                && Objects.equals(fileKey, that.fileKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, modifiedNanos, fileKey);
    }

    /** The stamp of the file as it is now; {@link #ABSENT} when it is gone. */
    static FileStamp current(Path file) {
        try {
            return of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            return new FileStamp(-2, 0, e.getClass()); // unreadable now: never equal to a stamp taken when it was read
        }
    }
}
