package io.memtomem.cli.common;

import java.util.List;

/**
 * Runs an operating-system command ({@code systemctl}, {@code launchctl}, {@code schtasks}) and returns its exit code
 * and output. Injectable, so tests see the exact commands a platform would run without running them.
 */
@FunctionalInterface
public interface CommandRunner {
    /** What a command that cannot be started at all (not installed) reports, as a shell would. */
    int NOT_FOUND = 127;

    Result run(List<String> command);

    /** Exit code and stdout + stderr, merged and stripped. */
    record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** The real one: a child process, output read in the platform charset, at most a minute. */
    static CommandRunner system() {
        return new ProcessCommandRunner();
    }
}
