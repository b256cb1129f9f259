package io.memtomem.locking;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Python's {@code tempfile.gettempdir()} lands, to find runtime dirs that older (seed) Python servers used.
 * Python proves writability by creating a file; a probe must not write, so {@code access(W_OK)} stands in for it.
 */
final class PythonTempDir {

    private PythonTempDir() {
    }

    static Path of(Os os) {
        for (Path candidate : candidates(os)) {
            if (Files.isDirectory(candidate) && Files.isWritable(candidate)) {
                return candidate;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static List<Path> candidates(Os os) {
        List<String> names = new ArrayList<>();
        for (String variable : List.of("TMPDIR", "TEMP", "TMP")) {
            String value = os.env().get(variable);
            if (UserHome.nonEmpty(value)) {
                names.add(value);
            }
        }
        if (os.isWindows()) {
            names.add(UserHome.of(os).resolve("AppData").resolve("Local").resolve("Temp").toString());
            String systemRoot = os.env().get("SYSTEMROOT");
            names.add((systemRoot == null ? "%SYSTEMROOT%" : systemRoot) + "\\Temp");
            names.addAll(List.of("c:\\temp", "c:\\tmp", "\\temp", "\\tmp"));
        } else {
            names.addAll(List.of("/tmp", "/var/tmp", "/usr/tmp"));
        }
        List<Path> paths = new ArrayList<>();
        for (String name : names) {
            try {
                paths.add(Path.of(name).toAbsolutePath());
            } catch (InvalidPathException unusable) {
                // Python would fail to use such a directory as well
            }
        }
        return paths;
    }
}
