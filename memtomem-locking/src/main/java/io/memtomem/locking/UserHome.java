package io.memtomem.locking;

import java.nio.file.Path;

/** The home directory as Python's {@code expanduser} finds it, re-read on every call (tests change HOME). */
final class UserHome {

    private UserHome() {
    }

    static Path of(Os os) {
        if (os.isWindows()) {
            String profile = os.env().get("USERPROFILE");
            if (nonEmpty(profile)) {
                return Path.of(profile);
            }
            String drive = os.env().get("HOMEDRIVE");
            String path = os.env().get("HOMEPATH");
            if (nonEmpty(drive) && nonEmpty(path)) {
                return Path.of(drive + path);
            }
        } else if (nonEmpty(os.env().get("HOME"))) {
            return Path.of(os.env().get("HOME"));
        }
        return Path.of(System.getProperty("user.home"));
    }

    static boolean nonEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
