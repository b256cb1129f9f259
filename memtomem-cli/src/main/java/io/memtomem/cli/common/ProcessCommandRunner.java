package io.memtomem.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link CommandRunner#system()}: runs the command as a child process with stdin closed, stdout and stderr merged,
 * for at most a minute. A class rather than a lambda: every {@code mm} start creates one.
 */
final class ProcessCommandRunner implements CommandRunner {
    private static final long TIMEOUT_SECONDS = 60;

    @Override
    public Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close(); // nothing to answer: a prompt sees end of input at once
        } catch (IOException e) {
            return new Result(NOT_FOUND, command.get(0) + ": cannot run it (" + e.getMessage() + ")");
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command.get(0) + ": no answer within " + TIMEOUT_SECONDS + " s, stopped");
            }
            return new Result(process.exitValue(), output.get(5, TimeUnit.SECONDS).strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(-1, command.get(0) + ": interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return new Result(process.exitValue(), ""); // the exit code is what counts; output is a courtesy
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), Charset.defaultCharset());
        } catch (IOException e) {
            return "";
        }
    }
}
