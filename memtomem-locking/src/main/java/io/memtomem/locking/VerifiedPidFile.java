package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Step A of the probe (locking.md §5.3): open a pid file without following links or blocking, and prove that the
 * descriptor is the regular file the path names, in the directory it was found in. Creates and writes nothing.
 */
final class VerifiedPidFile implements AutoCloseable {

    /** What opening found: nothing there, something unsafe (fail closed), or a verified descriptor. */
    sealed interface Outcome permits Absent, Refused, Opened {
    }

    record Absent() implements Outcome {
    }

    record Refused(String reason) implements Outcome {
    }

    record Opened(VerifiedPidFile file) implements Outcome {
    }

    private final Os os;
    private final Path path;
    private final LockableFile file;
    private final FileIdentity identity;
    private final FileIdentity parentIdentity;

    private VerifiedPidFile(Os os, Path path, LockableFile file, FileIdentity identity, FileIdentity parentIdentity) {
        this.os = os;
        this.path = path;
        this.file = file;
        this.identity = identity;
        this.parentIdentity = parentIdentity;
    }

    static Outcome open(Os os, Path path) {
        Path parent = path.getParent();
        BasicFileAttributes parentAttributes;
        FileIdentity parentIdentity;
        try {
            parentAttributes = lstat(parent);
            if (parentAttributes.isSymbolicLink()) {
                return redirectedParent(parent);
            }
            if (!parentAttributes.isDirectory() || PathKinds.isJunction(parentAttributes)) {
                return new Refused("pid parent " + parent + " is redirected or not a directory ("
                        + PathKinds.describe(parentAttributes) + ")");
            }
            parentIdentity = os.fileIdentity(parent);
        } catch (NoSuchFileException absent) {
            return new Absent();
        } catch (IOException e) {
            return new Refused("cannot stat pid parent " + parent + " (" + describe(e) + ")");
        }
        FileIdentity identity;
        try {
            BasicFileAttributes attributes = lstat(path);
            if (!attributes.isRegularFile()) {
                return new Refused("pid path " + path + " is not a regular file (" + PathKinds.describe(attributes)
                        + ")");
            }
            identity = os.fileIdentity(path);
        } catch (NoSuchFileException absent) {
            return new Absent();
        } catch (IOException e) {
            return new Refused("cannot stat pid path " + path + " (" + describe(e) + ")");
        }
        LockableFile file;
        try {
            file = os.lockBackend().openForProbing(path);
        } catch (IOException e) {
            return new Refused("cannot open pid path " + path + " (" + describe(e) + ")");
        }
        VerifiedPidFile verified = new VerifiedPidFile(os, path, file, identity, parentIdentity);
        Optional<String> change = verified.identityChange();
        if (change.isPresent()) {
            verified.close();
            return new Refused(change.get());
        }
        return new Opened(verified);
    }

    LockableFile file() {
        return file;
    }

    /**
     * Re-checks that the descriptor, the path and its parent still name the files first seen; run after opening and
     * again after the lock call, so a verdict and a pid only ever come from the inode whose lock was observed.
     *
     * @return why the identity check failed; empty when it held
     */
    Optional<String> identityChange() {
        try {
            Optional<LockableFile.OpenFileStatus> status = file.status();
            boolean descriptorMatches = status.map(s -> s.regularFile() && s.identity().equals(identity)).orElse(true);
            boolean pathMatches = lstat(path).isRegularFile() && os.fileIdentity(path).equals(identity);
            BasicFileAttributes parentNow = lstat(path.getParent());
            boolean parentMatches = parentNow.isDirectory() && !PathKinds.isJunction(parentNow)
                    && os.fileIdentity(path.getParent()).equals(parentIdentity);
            if (descriptorMatches && pathMatches && parentMatches) {
                return Optional.empty();
            }
            return Optional.of("pid path " + path + " changed identity during probe");
        } catch (IOException e) {
            return Optional.of("pid path " + path + " changed identity during probe (" + describe(e) + ")");
        }
    }

    @Override
    public void close() {
        file.close();
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static BasicFileAttributes lstat(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** A dangling parent link means the directory does not exist (absent); a live one is a redirection (fail closed). */
    private static Outcome redirectedParent(Path parent) {
        try {
            Files.readAttributes(parent, BasicFileAttributes.class);
        } catch (NoSuchFileException dangling) {
            return new Absent();
        } catch (IOException e) {
            return new Refused("cannot stat pid parent " + parent + " (" + describe(e) + ")");
        }
        return new Refused("pid parent " + parent + " is redirected or not a directory (symlink)");
    }
}
