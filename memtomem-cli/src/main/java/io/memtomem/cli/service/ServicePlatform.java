package io.memtomem.cli.service;

import io.memtomem.cli.common.CommandRunner;
import io.memtomem.locking.Os;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one operating system keeps a per-user service running: where its definition lives, what it says, and the
 * commands that start, stop and inspect it. Chosen by {@link #of}; {@link ServiceManager} runs the commands.
 */
public interface ServicePlatform {
    /** In every definition {@code mm service install} writes; a definition without it was written by someone else. */
    String MARKER = "Written by 'mm service install'";

    /** The platform's service manager for this user: launchd on macOS, the Task Scheduler on Windows, else systemd. */
    static ServicePlatform of(Os os, Path home, Map<String, String> env) {
        if (os.isWindows()) {
            return new ScheduledTask(os.localAppDataFolder(), env);
        }
        if (os.isMacOs()) {
            return new LaunchAgent(home, os.effectiveUid());
        }
        return new SystemdUserUnit(home, env);
    }

    /** Short stable name for {@code --json}: {@code systemd}, {@code launchd} or {@code schtasks}. */
    String kind();

    /** What a person calls it, e.g. "systemd user unit". */
    String displayName();

    /** The file {@code mm service install} writes; its presence is what "installed" means. */
    Path definitionFile();

    /** The file's bytes for {@code spec}. */
    byte[] definition(ServiceSpec spec);

    /** What must exist before the service first starts, beside its definition; nothing by default. */
    default void prepare(ServiceSpec spec) {
    }

    /** Run after the definition is written: load it, enable it at login, start it now. */
    List<List<String>> start();

    /** Run before the definition is replaced or removed: stop it and unregister it (failures are expected then). */
    List<List<String>> stop();

    /** Run after the definition is removed. */
    List<List<String>> afterRemove();

    /** The command that tells whether the service runs. */
    List<String> stateCommand();

    /** The service manager's word for the state, from {@link #stateCommand()}'s result. */
    String state(CommandRunner.Result result);

    /** Why a start command may fail on this platform in ways the user can fix, or empty. */
    String failureHint(CommandRunner.Result failed);
}
