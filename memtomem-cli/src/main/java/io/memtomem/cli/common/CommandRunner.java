package io.memtomem.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        return command -> {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getOutputStream().close(); // nothing to answer: a prompt sees end of input at once
            } catch (IOException e) {
                return new Result(NOT_FOUND, command.get(0) + ": cannot run it (" + e.getMessage() + ")");
            }
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, command.get(0) + ": no answer within 60 s, stopped");
                }
                return new Result(process.exitValue(), output.get(5, TimeUnit.SECONDS).strip());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return new Result(-1, command.get(0) + ": interrupted");
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return new Result(process.exitValue(), ""); // the exit code is what counts; output is a courtesy
            }
        };
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), Charset.defaultCharset());
        } catch (IOException e) {
            return "";
        }
    }
}
