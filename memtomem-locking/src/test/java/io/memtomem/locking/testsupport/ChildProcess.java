package io.memtomem.locking.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A spawned process whose stdout is read line by line and whose stdin stays open until {@link #closeStdin()}.
 * Synchronisation is by waiting (bounded) for lines the child prints, never by sleeping. {@link #close()} always
 * leaves the process dead.
 */
public final class ChildProcess implements AutoCloseable {

    /** Generous bound for a cold JVM on a loaded 2-core CI machine; only reached when something is broken. */
    public static final Duration STARTUP_BOUND = Duration.ofSeconds(60);

    private static final String END_OF_OUTPUT = "\u0000EOF";

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();

    private ChildProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), "stdout", line -> stdout.add(line), () -> stdout.add(END_OF_OUTPUT));
        drain(process.getErrorStream(), "stderr", line -> stderr.append(line).append('\n'), () -> { });
    }

    public static ChildProcess start(List<String> command, Map<String, String> extraEnv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(extraEnv);
        return new ChildProcess(builder.start());
    }

    /** {@code java -cp <this test classpath> <mainClass> args…} with the JVM running the tests. */
    public static List<String> javaCommand(Class<?> mainClass, String... args) {
        return javaCommand(List.of(), mainClass, args);
    }

    /** Same, with JVM options before the class path. */
    public static List<String> javaCommand(List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    public long pid() {
        return process.pid();
    }

    /** The next stdout line; fails (with the child's stderr) if none arrives within {@link #STARTUP_BOUND}. */
    public String awaitLine() throws InterruptedException {
        String line = nextLine();
        if (line.equals(END_OF_OUTPUT)) {
            throw new IllegalStateException("child exited without printing a line; stderr:\n" + stderr);
        }
        return line;
    }

    /** Every remaining stdout line up to the child's exit (bounded like {@link #awaitLine()}). */
    public List<String> awaitRemainingOutput() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (String line = nextLine(); !line.equals(END_OF_OUTPUT); line = nextLine()) {
            lines.add(line);
        }
        return lines;
    }

    private String nextLine() throws InterruptedException {
        String line = stdout.poll(STARTUP_BOUND.toSeconds(), TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("no output within " + STARTUP_BOUND + "; stderr:\n" + stderr);
        }
        return line;
    }

    /** Signals EOF on the child's stdin (holders release and exit on it). */
    public void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits (bounded) for the exit code; kills the child and fails if it does not exit. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(STARTUP_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("child did not exit within " + STARTUP_BOUND + "; stderr:\n" + stderr);
        }
        return process.exitValue();
    }

    /**
     * SIGTERM on POSIX, and nothing else: {@code Process.destroy()} would also close the child's stdin, which a holder
     * reads as EOF — a second exit path racing the signal.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no cleanup code runs in the child, the kernel drops its locks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public Optional<Integer> exitCodeIfExited() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Kills the child if it still runs and waits for it; keeps the interrupt flag if interrupted meanwhile. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void drain(InputStream stream, String name, Consumer<String> onLine,
            Runnable onEnd) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException closed) {
                // the process is gone; whatever was read is all there is
            } finally {
                onEnd.run();
            }
        }, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }
}
