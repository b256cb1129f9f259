package io.memtomem.cli.service;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.common.CommandRunner;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.remote.HttpEndpoint;
import io.memtomem.core.remote.PrivateText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Installs, removes and inspects the service on one {@link ServicePlatform}, running its commands through a
 * {@link CommandRunner}. Uninstall removes exactly the definition install wrote; install over an existing one stops
 * the old service first, so a changed port takes effect.
 */
final class ServiceManager {
    private static final String SHELL_SPECIAL = " \t\"'$&;|<>()*?";
    private final ServicePlatform platform;
    private final CommandRunner runner;

    ServiceManager(ServicePlatform platform, CommandRunner runner) {
        this.platform = platform;
        this.runner = runner;
    }

    /** One command and what it answered. */
    record Step(List<String> command, CommandRunner.Result result) {
        String line() {
            return shellLine(command);
        }
    }

    /**
     * @param replaced  an earlier definition was there (and has been stopped)
     * @param lingering the store's HTTP server that outlived stopping the earlier service
     * @param failed    the start command that failed, or null when the service was started
     */
    record Installed(boolean replaced, Optional<HttpEndpoint> lingering, Step failed) {
    }

    /** @param failures stop or clean-up commands that failed (the definition is removed all the same) */
    record Removed(boolean wasInstalled, List<Step> failures) {
    }

    /** @param state the service manager's word, or "not installed"; {@code detail} its raw answer when unclear */
    record Status(boolean installed, String state, String detail) {
    }

    /** The service manager of the platform {@code mm} runs on, for the user and environment of {@code context}. */
    static ServiceManager of(CliContext context) {
        return new ServiceManager(ServicePlatform.of(context.os(), context.home(), context.environment().env()),
                context.commands());
    }

    /** The store of a set-up memtomem whose config reads; empty otherwise (nothing can serve it then). */
    static Optional<Path> configuredStore(CliContext context) {
        try {
            MemtomemConfig config = context.loadConfig();
            return config.isConfigured() ? Optional.of(config.storeDir()) : Optional.empty();
        } catch (MemtomemException unreadable) {
            return Optional.empty();
        }
    }

    ServicePlatform platform() {
        return platform;
    }

    boolean installed() {
        return Files.isRegularFile(platform.definitionFile());
    }

    /**
     * Whether the definition file there was written by someone else (say by hand, from an older README): install
     * does not replace it.
     */
    boolean foreign() {
        try {
            byte[] bytes = Files.readAllBytes(platform.definitionFile());
            return !new String(bytes, StandardCharsets.UTF_8).contains(ServicePlatform.MARKER)
                    && !new String(bytes, StandardCharsets.UTF_16).contains(ServicePlatform.MARKER);
        } catch (NoSuchFileException absent) {
            return false;
        } catch (IOException e) {
            throw new MemtomemException("cannot read " + platform.definitionFile() + ": " + e.getMessage(), e);
        }
    }

    Installed install(ServiceSpec spec) {
        byte[] definition = platform.definition(spec); // refuses what it cannot spell before anything is stopped
        boolean replaced = installed();
        Optional<HttpEndpoint> lingering = Optional.empty();
        if (replaced) {
            runAll(platform.stop()); // the old one may not be loaded at all: its failures mean nothing here
            lingering = LingeringServer.after(spec.storeDir());
        }
        platform.prepare(spec);
        PrivateText.write(platform.definitionFile(), definition);
        for (List<String> command : platform.start()) {
            CommandRunner.Result result = runner.run(command);
            if (!result.ok()) {
                return new Installed(replaced, lingering, new Step(command, result));
            }
        }
        return new Installed(replaced, lingering, null);
    }

    Removed uninstall() {
        if (!installed()) {
            return new Removed(false, List.of());
        }
        List<Step> failures = new ArrayList<>(runAll(platform.stop()));
        try {
            Files.delete(platform.definitionFile());
        } catch (IOException e) {
            throw new MemtomemException("cannot remove " + platform.definitionFile() + ": " + e.getMessage(), e);
        }
        failures.addAll(runAll(platform.afterRemove()));
        return new Removed(true, failures);
    }

    Status status() {
        if (!installed()) {
            return new Status(false, "not installed", "");
        }
        CommandRunner.Result result = runner.run(platform.stateCommand());
        String state = platform.state(result);
        return new Status(true, state, state.equals("unknown") ? result.output() : "");
    }

    /** The start commands as one line a person can paste into a shell. */
    String manualStart() {
        return platform.start().stream().map(ServiceManager::shellLine).collect(Collectors.joining(" && "));
    }

    /** The stop commands, likewise. */
    String manualStop() {
        return platform.stop().stream().map(ServiceManager::shellLine).collect(Collectors.joining(" && "));
    }

    private List<Step> runAll(List<List<String>> commands) {
        List<Step> failures = new ArrayList<>();
        for (List<String> command : commands) {
            CommandRunner.Result result = runner.run(command);
            if (!result.ok()) {
                failures.add(new Step(command, result));
            }
        }
        return failures;
    }

    /** Words with spaces or shell characters in double quotes (good enough for paths in sh and cmd alike). */
    static String shellLine(List<String> command) {
        return command.stream().map(word -> word.isEmpty() || word.chars().anyMatch(c -> SHELL_SPECIAL.indexOf(c) >= 0)
                ? "\"" + word.replace("\"", "\\\"") + "\"" : word).collect(Collectors.joining(" "));
    }
}
