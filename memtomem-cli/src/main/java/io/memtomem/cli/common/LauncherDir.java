package io.memtomem.cli.common;

import io.memtomem.cli.CliException;
import io.memtomem.cli.ExitCode;

import java.nio.file.Path;

/** The install's {@code bin/}, which the launcher passes as {@code memtomem.bin}: hosts and services need its path. */
public final class LauncherDir {
    private LauncherDir() {
    }

    /** @param purpose what needs it, for the error: "to register the MCP server" */
    public static Path require(String purpose) {
        String bin = System.getProperty("memtomem.bin");
        if (bin == null || bin.isBlank()) {
            throw new CliException(ExitCode.ERROR, "cannot tell where memtomem is installed: run mm through its "
                    + "launcher (bin/mm) " + purpose);
        }
        return Path.of(bin).toAbsolutePath().normalize();
    }
}
