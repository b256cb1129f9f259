package io.memtomem.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/mm} in a sandbox, non-interactively (stdin closed at once, like CI and scripts). */
final class Mm {
    /** Generous: the soak runs two loops of these beside four servers on 2 cores. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Mm() {
    }

    record Result(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            try {
                return RawMcpSession.JSON.readTree(stdout);
            } catch (JsonProcessingException e) {
                throw new AssertionError("stdout is not JSON: " + this, e);
            }
        }

        Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("mm failed: " + this);
            }
            return this;
        }
    }

    static Result run(Sandbox sandbox, String... args) {
        return run(sandbox, Launchers.mm(args));
    }

    /** Runs the given {@code mm} command line (e.g. the launcher of an unpacked release archive). */
    static Result run(Sandbox sandbox, List<String> command) {
        String[] args = command.subList(1, command.size()).toArray(String[]::new);
        Process process = sandbox.processes().start(sandbox.processBuilder(command));
        try {
            process.getOutputStream().close();
            LineBuffer stdout = LineBuffer.drain(process.getInputStream(), "mm-stdout-" + process.pid());
            LineBuffer stderr = LineBuffer.drain(process.getErrorStream(), "mm-stderr-" + process.pid());
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mm " + String.join(" ", args) + " did not finish within " + TIMEOUT
                        + "; stderr so far:\n" + stderr.text());
            }
            return new Result(process.exitValue(), stdout.awaitEnd(TIMEOUT).text(), stderr.awaitEnd(TIMEOUT).text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running mm", e);
        }
    }

    /** The {@code "server"} block of {@code mm status --json}: the CLI's view of the store's liveness. */
    static JsonNode serverStatus(Sandbox sandbox) {
        return run(sandbox, "status", "--json").assertOk().json().path("server");
    }
}
