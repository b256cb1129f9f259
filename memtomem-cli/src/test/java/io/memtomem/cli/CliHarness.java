package io.memtomem.cli;

import io.memtomem.cli.common.CommandRunner;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.locking.Os;
import io.memtomem.locking.PidFileNames;
import io.memtomem.locking.testsupport.FakeOs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code mm} in-process against a temporary HOME and a private runtime dir; nothing touches the real
 * ~/.memtomem, the real terminal or the developer's running servers.
 */
public final class CliHarness {
    private final Path home;
    private final Path runtimeDir;
    private final Map<String, String> env = new HashMap<>();
    private Os os;
    private Path cwd;
    private CommandRunner commands = command -> {
        throw new AssertionError("this test runs no OS command, yet mm tried: " + command);
    };

    private CliHarness(Path root) {
        this.home = root.resolve("home");
        this.runtimeDir = root.resolve("runtime");
        this.cwd = home;
        this.os = FakeOs.posixWithRuntimeDir(runtimeDir);
    }

    /** A fresh HOME under {@code root} (a JUnit temp dir). */
    public static CliHarness in(Path root) {
        return new CliHarness(root);
    }

    public Path home() {
        return home;
    }

    public Path stateDir() {
        return home.resolve(".memtomem");
    }

    public Path runtimeDir() {
        return runtimeDir;
    }

    public Os os() {
        return os;
    }

    /** Creates the runtime dir the way servers do (0700), for tests that plant things in it. */
    public Path createRuntimeDir() throws IOException {
        Files.createDirectories(runtimeDir);
        Files.setPosixFilePermissions(runtimeDir, PosixFilePermissions.fromString("rwx------"));
        return runtimeDir;
    }

    /** The env a child process needs to share this harness's runtime dir. */
    public Map<String, String> runtimeEnv() {
        return FakeOs.testRuntimeDirEnv(runtimeDir);
    }

    public CliHarness withOs(Os replacement) {
        this.os = replacement;
        return this;
    }

    /** Runs the OS commands a command starts ({@code systemctl}, {@code launchctl}, {@code schtasks}). */
    public CliHarness withCommands(CommandRunner runner) {
        this.commands = runner;
        return this;
    }

    public CliHarness withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliHarness inDirectory(Path directory) {
        this.cwd = directory;
        return this;
    }

    public Environment environment() {
        return new Environment(home, env, cwd);
    }

    public MemtomemConfig config() {
        return MemtomemConfig.load(environment());
    }

    /** This store's scoped pid file in the harness runtime dir. */
    public Path storePidFile() {
        return runtimeDir.resolve(PidFileNames.forStore(os, config().storage().sqlitePath()));
    }

    /** Without a terminal: no prompts, no colour, no progress bar. */
    public Result run(String... args) {
        return run(InputStream.nullInputStream(), false, args);
    }

    /** With stdin piped in but still no terminal (e.g. {@code mm add -}). */
    public Result runWithStdin(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, args);
    }

    /** As if a person typed {@code answers} at a terminal. */
    public Result runInteractive(InputStream answers, String... args) {
        return run(answers, true, args);
    }

    public Result runInteractive(String answers, String... args) {
        return runInteractive(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)), args);
    }

    public CliContext context(InputStream stdin, boolean interactive, StringWriter out, StringWriter err) {
        return new CliContext(environment(), os, stdin, interactive, interactive, new PrintWriter(out), new PrintWriter(err),
                commands);
    }

    private Result run(InputStream stdin, boolean interactive, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(context(stdin, interactive, out, err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Exit code and everything printed. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
