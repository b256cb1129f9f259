package io.memtomem.locking;

/**
 * Which file an inode or handle refers to: POSIX {@code (st_dev, st_ino)}; Windows volume serial plus the 128-bit
 * file id. Used to prove that the descriptor whose lock state was observed is the file the path names.
 */
public record FileIdentity(long device, long fileIdHigh, long fileIdLow) {

    public static FileIdentity posix(long device, long inode) {
        return new FileIdentity(device, 0, inode);
    }
}
