package io.memtomem.cli;

import io.memtomem.cli.CliHarness.Result;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code bin/mm} launcher (as built by {@code package}) in a child process with its own HOME and the
 * harness's runtime dir, the way a user's shell would. Every process it starts has exited when a call returns.
 */
public final class Launcher {
    private static final long TIMEOUT_SECONDS = 120;

    private final CliHarness cli;

    public Launcher(CliHarness cli) {
        this.cli = cli;
    }

    /** {@code bin/mm} (or {@code bin\mm.cmd}) of the repository this build runs in. */
    public static Path script() {
        String configured = System.getProperty("memtomem.repo.root");
        Path root = configured != null ? Path.of(configured) : repositoryOfTheseTestClasses();
        return isWindows() ? root.resolve("bin/mm.cmd") : root.resolve("bin/mm");
    }

    /** {@code <root>/memtomem-cli/target/test-classes} three levels up, for runs outside failsafe (the bench). */
    private static Path repositoryOfTheseTestClasses() {
        try {
            return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command line for {@code mm args…} (plus the shell wrapper Windows needs for a .cmd). */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (isWindows()) {
            command.addAll(List.of("cmd.exe", "/c"));
        }
        command.add(script().toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * HOME isolation: HOME/USERPROFILE for the shell and the JVM's user.home (which Java takes from the password
     * database, not HOME); no MEMTOMEM_* from the developer's shell.
     */
    public void isolate(Map<String, String> env) {
        env.keySet().removeIf(name -> name.startsWith("MEMTOMEM_") || name.equals("NO_COLOR"));
        env.put("HOME", cli.home().toString());
        env.put("USERPROFILE", cli.home().toString());
        env.put("MEMTOMEM_JAVA_OPTS", "-Duser.home=" + cli.home());
        env.putAll(cli.runtimeEnv());
    }

    public Result run(String... args) {
        return runWithStdin("", args);
    }

    /** {@code mm args…} with extra JVM options (e.g. {@code -Xlog:…:file=…}) after the harness's own. */
    public Result runWithJavaOptions(String javaOptions, String... args) {
        return run("", Map.of("MEMTOMEM_JAVA_OPTS", javaOptions), args);
    }

    /** {@code mm args…} with these environment variables set (MEMTOMEM_JAVA_OPTS adds to the harness's). */
    public Result runWithEnvironment(Map<String, String> env, String... args) {
        return run("", env, args);
    }

    public Result runWithStdin(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    /** {@code launcher args…}: another path to the launcher (a symlink to it), with these environment variables. */
    public Result runVia(Path launcher, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(command(args));
        command.set(command.indexOf(script().toString()), launcher.toString());
        return run("", env, command);
    }

    private Result run(String stdin, Map<String, String> env, String... args) {
        return run(stdin, env, command(args));
    }

    private Result run(String stdin, Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cli.home().toFile());
        isolate(builder.environment());
        env.forEach((name, value) -> builder.environment().merge(name, value,
                (own, extra) -> name.equals("MEMTOMEM_JAVA_OPTS") ? own + " " + extra : extra));
        try {
            Files.createDirectories(cli.home());
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not exit in " + TIMEOUT_SECONDS + "s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
