package io.memtomem.cli;

import io.memtomem.cli.common.CommandRunner;
import io.memtomem.cli.common.Palette;
import io.memtomem.core.Memtomem;
import io.memtomem.core.Terminal;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.trace.StartupTrace;
import io.memtomem.locking.Liveness;
import picocli.CommandLine.Help;
import io.memtomem.locking.Os;
import io.memtomem.locking.ServerState;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Everything a command may touch of the outside world, injectable so tests never hit the real HOME, the real
 * terminal or {@code System.exit}.
 *
 * @param environment HOME, environment variables and working directory that config and paths resolve against
 * @param os          POSIX or Windows behaviour (refusal wording, {@code --force} rules, runtime dirs)
 * @param stdin       where {@code mm add -} and the confirmation prompts read from
 * @param interactive whether a person sits at a terminal: enables prompts and the progress bar
 * @param colour      whether that terminal takes ANSI colour (picocli's {@code Ansi.AUTO}: NO_COLOR, CLICOLOR,
 *                    Windows consoles); {@code NO_COLOR} in {@code environment} turns it off too
 * @param commands    how OS commands ({@code systemctl}, {@code launchctl}, {@code schtasks}) are run
 * @param configLoad  how the configuration of {@code environment} is read (ahead of need for some commands)
 */
public record CliContext(Environment environment, Os os, InputStream stdin, boolean interactive, boolean colour,
                         PrintWriter out, PrintWriter err, CommandRunner commands, ConfigLoad configLoad) {

    public CliContext(Environment environment, Os os, InputStream stdin, boolean interactive, boolean colour,
                      PrintWriter out, PrintWriter err, CommandRunner commands) {
        this(environment, os, stdin, interactive, colour, out, err, commands, new ConfigLoad(environment));
    }

    /** Running OS commands for real. */
    public CliContext(Environment environment, Os os, InputStream stdin, boolean interactive, boolean colour,
                      PrintWriter out, PrintWriter err) {
        this(environment, os, stdin, interactive, colour, out, err, CommandRunner.system());
    }

    /** A terminal, if any, that takes colour. */
    public CliContext(Environment environment, Os os, InputStream stdin, boolean interactive,
                      PrintWriter out, PrintWriter err) {
        this(environment, os, stdin, interactive, interactive, out, err);
    }

    /** The real process: UTF-8 on stdout/stderr whatever the platform's default encoding. */
    public static CliContext system() {
        return system(utf8(FileDescriptor.out), utf8(FileDescriptor.err));
    }

    public static CliContext system(PrintWriter out, PrintWriter err) {
        boolean terminal = Terminal.attached();
        return new CliContext(Environment.system(), Os.current(), System.in, terminal,
                terminal && Help.Ansi.AUTO.enabled(), out, err);
    }

    public Path home() {
        return environment.userHome();
    }

    /** The configuration; keys it ignores (unknown to this build and to the Python memtomem) are warned about. */
    public MemtomemConfig loadConfig() {
        MemtomemConfig config = configLoad.load();
        StartupTrace.mark("config loaded");
        config.warnings().forEach(warning -> err.println(palette().yellow("Warning: ") + warning));
        return config;
    }

    /**
     * The configuration of a store set up with {@code mm init}; refuses otherwise, before anything is created, so
     * someone who never set memtomem up does not find a {@code ~/.memtomem} afterwards.
     */
    public MemtomemConfig loadConfiguredConfig() {
        MemtomemConfig config = loadConfig();
        if (!config.isConfigured()) {
            throw new CliException(ExitCode.ERROR, "memtomem is not configured. Run 'mm init' to set up.");
        }
        return config;
    }

    public Memtomem openStore() {
        return Memtomem.open(loadConfig());
    }

    /** Whether the memtomem server of the store at {@code dbPath} holds its pid-file lock. */
    public ServerState serverState(Path dbPath) {
        return Liveness.checkServer(os, dbPath, home());
    }

    /** Colour only for a person at a terminal, and never when NO_COLOR is set non-empty (https://no-color.org). */
    public Palette palette() {
        String noColor = environment.env().get("NO_COLOR");
        return new Palette(colour && (noColor == null || noColor.isEmpty()));
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
