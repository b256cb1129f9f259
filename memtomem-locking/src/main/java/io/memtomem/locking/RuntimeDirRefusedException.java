package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An existing runtime directory that is not safe to keep pid files in. It is never repaired (a chmod would "fix" a
 * directory somebody else may control); the message ends with a copy-pasteable removal command instead.
 */
public class RuntimeDirRefusedException extends IOException {

    public enum Reason { CANNOT_STAT, SYMLINK, JUNCTION, NOT_DIRECTORY, WRONG_OWNER, UNSAFE_PERMISSIONS }

    private final Reason reason;
    private final transient Path target;
    private final String removalHint;
    private final String shortReason;
    private final String fix;

    private RuntimeDirRefusedException(Reason reason, Path target, String message, String removalHint,
            String shortReason, String fix, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.target = target;
        this.removalHint = removalHint;
        this.shortReason = shortReason;
        this.fix = fix;
    }

    public Reason reason() {
        return reason;
    }

    public Path target() {
        return target;
    }

    /** The removal command ({@code rm -f -- …}, {@code rmdir -- …}, {@code rm -rf -- …}); empty for CANNOT_STAT. */
    public String removalHint() {
        return removalHint;
    }

    /** A few words for one-line warnings, e.g. {@code symlink} or {@code owned by uid 1001}. */
    public String shortReason() {
        return shortReason;
    }

    /**
     * One line for status displays: who owns the directory when it is someone else, and what to run, e.g.
     * {@code owned by uid 1001 (mallory), another user: ask an administrator to run: rm -rf -- /tmp/memtomem-0}.
     */
    public String summary() {
        return fix;
    }

    static RuntimeDirRefusedException cannotStat(Os os, Path target, IOException cause) {
        String type = cause.getClass().getSimpleName();
        return new RuntimeDirRefusedException(Reason.CANNOT_STAT, target,
                refusing(os, target) + "cannot stat it (" + type + ": "
                        + TerminalText.scrub(os, cause.getMessage()) + "). Check the directory and its parent.",
                "", "cannot stat (" + type + ")", "cannot stat (" + type + "): check the directory and its parent",
                cause);
    }

    static RuntimeDirRefusedException symlink(Os os, Path target) {
        String hint = "rm -f -- " + quoted(os, target);
        return new RuntimeDirRefusedException(Reason.SYMLINK, target,
                refusing(os, target) + "it is a symlink, which could redirect pid files anywhere. Remove it and retry:\n"
                        + "    " + hint, hint, "symlink", removeIt("symlink", hint), null);
    }

    static RuntimeDirRefusedException junction(Os os, Path target) {
        String hint = "rmdir -- " + quoted(os, target);
        return new RuntimeDirRefusedException(Reason.JUNCTION, target,
                refusing(os, target) + "it is a junction, which could redirect pid files anywhere. Remove the junction"
                        + " (its target is not touched) and retry:\n    " + hint, hint, "junction", removeIt("junction", hint), null);
    }

    static RuntimeDirRefusedException notDirectory(Os os, Path target) {
        String hint = "rm -f -- " + quoted(os, target);
        return new RuntimeDirRefusedException(Reason.NOT_DIRECTORY, target,
                refusing(os, target) + "it exists but is not a directory. Remove it and retry:\n    " + hint,
                hint, "not a directory", removeIt("not a directory", hint), null);
    }

    /** @param ownerName the owner's user name, or {@code null} when it cannot be looked up */
    static RuntimeDirRefusedException wrongOwner(Os os, Path target, long actualUid, String ownerName,
            long expectedUid) {
        String hint = "rm -rf -- " + quoted(os, target);
        String owner = ownerName == null ? "" : " (" + TerminalText.scrub(os, ownerName) + ")";
        return new RuntimeDirRefusedException(Reason.WRONG_OWNER, target,
                refusing(os, target) + "it is owned by uid " + actualUid + owner + ", not by the effective uid "
                        + expectedUid
                        + ", so another user controls it. Ask an administrator to remove it:\n    " + hint,
                hint, "owned by uid " + actualUid, "owned by uid " + actualUid + owner + ", another user, not you (uid "
                        + expectedUid + "): memtomem never uses a directory someone else controls; ask an administrator"
                        + " to run: " + hint, null);
    }

    static RuntimeDirRefusedException unsafePermissions(Os os, Path target, int mode) {
        String hint = "rm -rf -- " + quoted(os, target);
        String octal = "0o" + Integer.toOctalString(mode & 07777);
        return new RuntimeDirRefusedException(Reason.UNSAFE_PERMISSIONS, target,
                refusing(os, target) + "it has unsafe permissions " + octal + " (group/other bits 0o"
                        + Integer.toOctalString(mode & 077) + " must be clear). An existing directory is never"
                        + " chmod-ed; remove it and retry:\n    " + hint,
                hint, "unsafe permissions " + octal, removeIt("unsafe permissions " + octal, hint), null);
    }

    private static String removeIt(String why, String hint) {
        return why + ": remove it, then retry: " + hint;
    }

    private static String refusing(Os os, Path target) {
        return "Refusing to use the memtomem runtime directory " + TerminalText.scrub(os, target) + ": ";
    }

    private static String quoted(Os os, Path target) {
        return TerminalText.shellQuote(os, target.toString());
    }
}
