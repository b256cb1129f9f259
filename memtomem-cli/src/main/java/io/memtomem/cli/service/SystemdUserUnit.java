package io.memtomem.cli.service;

import io.memtomem.cli.common.CommandRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Linux: a systemd user unit, {@code $XDG_CONFIG_HOME/systemd/user/memtomem.service} (default {@code ~/.config}),
 * enabled for {@code default.target}, so the user's service manager starts it at login and restarts it on failure.
 */
final class SystemdUserUnit implements ServicePlatform {
    static final String UNIT = "memtomem.service";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@+=,-]+");
    private static final Set<String> STATES = Set.of("active", "inactive", "failed", "activating", "deactivating",
            "reloading", "maintenance");

    private final Path unitFile;

    SystemdUserUnit(Path home, Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        this.unitFile = config.resolve("systemd").resolve("user").resolve(UNIT);
    }

    @Override
    public String kind() {
        return "systemd";
    }

    @Override
    public String displayName() {
        return "systemd user unit";
    }

    @Override
    public Path definitionFile() {
        return unitFile;
    }

    @Override
    public byte[] definition(ServiceSpec spec) {
        StringBuilder unit = new StringBuilder();
        unit.append("# ").append(MARKER).append("; 'mm service uninstall' stops and removes it.\n");
        unit.append("[Unit]\n");
        unit.append("Description=").append(specifiers(spec.description())).append('\n');
        unit.append('\n');
        unit.append("[Service]\n");
        unit.append("Type=simple\n");
        unit.append("ExecStart=");
        List<String> command = spec.command();
        unit.append(execWord(command.get(0), false));
        command.subList(1, command.size()).forEach(arg -> unit.append(' ').append(execWord(arg, true)));
        unit.append('\n');
        spec.sortedEnv().forEach((name, value) ->
                unit.append("Environment=").append(quoted(specifiers(name + "=" + value))).append('\n'));
        unit.append("Restart=on-failure\n");
        unit.append("RestartSec=5\n");
        unit.append("# a refused start (exit 2: a --host that is no address here) does not get better by retrying\n");
        unit.append("RestartPreventExitStatus=2\n");
        unit.append("# the JVM's exit status when systemctl stop sends SIGTERM\n");
        unit.append("SuccessExitStatus=143\n");
        unit.append('\n');
        unit.append("[Install]\n");
        unit.append("WantedBy=default.target\n");
        return unit.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public List<List<String>> start() {
        return List.of(systemctl("daemon-reload"), systemctl("enable", "--now", UNIT));
    }

    @Override
    public List<List<String>> stop() {
        return List.of(systemctl("disable", "--now", UNIT));
    }

    @Override
    public List<List<String>> afterRemove() {
        return List.of(systemctl("daemon-reload"));
    }

    @Override
    public List<String> stateCommand() {
        return systemctl("is-active", UNIT);
    }

    @Override
    public String state(CommandRunner.Result result) {
        String word = result.output().lines().findFirst().orElse("").strip();
        return STATES.contains(word) ? word : "unknown";
    }

    @Override
    public String failureHint(CommandRunner.Result failed) {
        if (failed.exitCode() == CommandRunner.NOT_FOUND) {
            return "systemctl is not installed: this system does not run systemd.";
        }
        String output = failed.output();
        if (output.contains("bus") || output.contains("XDG_RUNTIME_DIR")) {
            return "No systemd user session is reachable from this shell (a container, su/sudo without a login "
                    + "session, or WSL without systemd). Log in as this user (or enable lingering: loginctl "
                    + "enable-linger $USER) and run the commands below.";
        }
        return "";
    }

    private static List<String> systemctl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("systemctl", "--user"));
        command.addAll(List.of(args));
        return command;
    }

    /** systemd expands {@code %x} specifiers in these values: a literal % is written %%. */
    private static String specifiers(String value) {
        return value.replace("%", "%%");
    }

    /**
     * One ExecStart word, quoted when not plain. In the arguments {@code $} would expand a variable, so it is written
     * {@code $$}; the executable path is not expanded (checked with systemd-analyze verify), so there it stays.
     */
    private static String execWord(String word, boolean argument) {
        String escaped = argument ? specifiers(word).replace("$", "$$") : specifiers(word);
        return PLAIN.matcher(word).matches() ? escaped : quoted(escaped);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
