package io.memtomem.core.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes files read-only for one test and writable (0600) again after it: chmod for an ordinary user; root ignores
 * modes, so there the file is made immutable (Linux {@code chattr}), and a root without chattr skips the test.
 */
public final class ReadOnlyFiles implements AfterEachCallback {
    private final List<Path> made = new ArrayList<>();

    public void makeReadOnly(Path file) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        made.add(file);
        if (Files.isWritable(file)) {
            assumeTrue(run("chattr", "+i", file.toString()), "running as root without chattr: cannot make "
                    + file.getFileName() + " read-only");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (Path file : made) {
            run("chattr", "-i", file.toString());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        made.clear();
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
