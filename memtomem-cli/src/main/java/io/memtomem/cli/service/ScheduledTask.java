package io.memtomem.cli.service;

import io.memtomem.cli.common.CommandRunner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Windows: a Task Scheduler task {@value #TASK} that runs at this user's logon, restarts on failure and has no time
 * limit (the default stops a task after 72 hours). Registered with {@code schtasks /Create /XML} from
 * {@code %LOCALAPPDATA%\memtomem\memtomem-task.xml}, which stays as the record of what was installed. A task cannot
 * carry environment variables, so its action is {@code cmd.exe} setting them before it calls the launcher.
 */
final class ScheduledTask implements ServicePlatform {
    static final String TASK = "memtomem";

    private final Path xmlFile;
    private final String user;

    ScheduledTask(Path localAppData, Map<String, String> env) {
        this.xmlFile = localAppData.resolve("memtomem").resolve("memtomem-task.xml");
        String domain = env.get("USERDOMAIN");
        String name = env.get("USERNAME");
        this.user = name == null || name.isBlank() ? null : (domain == null || domain.isBlank() ? "" : domain + "\\")
                + name;
    }

    @Override
    public String kind() {
        return "schtasks";
    }

    @Override
    public String displayName() {
        return "Windows scheduled task";
    }

    @Override
    public Path definitionFile() {
        return xmlFile;
    }

    /** UTF-16 with a byte-order mark: the encoding schtasks reads task XML in without complaint. */
    @Override
    public byte[] definition(ServiceSpec spec) {
        String userId = user == null ? "" : "      <UserId>" + xml(user) + "</UserId>\n";
        String task = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                + "<Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\n"
                + "  <RegistrationInfo>\n"
                + "    <Description>" + xml(spec.description()) + ". " + MARKER + "; "
                + "'mm service uninstall' stops and removes it.</Description>\n"
                + "  </RegistrationInfo>\n"
                + "  <Triggers>\n"
                + "    <LogonTrigger>\n"
                + "      <Enabled>true</Enabled>\n"
                + userId
                + "    </LogonTrigger>\n"
                + "  </Triggers>\n"
                + "  <Principals>\n"
                + "    <Principal id=\"Author\">\n"
                + userId
                + "      <LogonType>InteractiveToken</LogonType>\n"
                + "      <RunLevel>LeastPrivilege</RunLevel>\n"
                + "    </Principal>\n"
                + "  </Principals>\n"
                + "  <Settings>\n"
                + "    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\n"
                + "    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\n"
                + "    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\n"
                + "    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>\n"
                + "    <RestartOnFailure>\n"
                + "      <Interval>PT1M</Interval>\n"
                + "      <Count>999</Count>\n"
                + "    </RestartOnFailure>\n"
                + "    <Enabled>true</Enabled>\n"
                + "  </Settings>\n"
                + "  <Actions Context=\"Author\">\n"
                + "    <Exec>\n"
                + "      <Command>cmd.exe</Command>\n"
                + "      <Arguments>" + xml(arguments(spec)) + "</Arguments>\n"
                + "    </Exec>\n"
                + "  </Actions>\n"
                + "</Task>\n";
        ByteBuffer encoded = StandardCharsets.UTF_16LE.encode("\uFEFF" + task);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    /**
     * {@code /d /s /c "set "K=V" && … && "launcher.cmd" --transport http …"}: with /s, cmd strips exactly the outer
     * pair of quotes, so every inner quoted path survives whatever spaces it holds.
     */
    static String arguments(ServiceSpec spec) {
        StringBuilder line = new StringBuilder();
        spec.sortedEnv().forEach((name, value) -> line.append("set ").append(quoted(name + "=" + value))
                .append(" && "));
        List<String> command = spec.command();
        line.append(quoted(command.get(0)));
        command.subList(1, command.size()).forEach(arg -> line.append(' ').append(quoted(arg)));
        return "/d /s /c \"" + line + "\"";
    }

    private static String quoted(String value) {
        if (value.contains("\"")) {
            throw new IllegalArgumentException("a double quote cannot be passed through cmd.exe: " + value);
        }
        return "\"" + value + "\"";
    }

    @Override
    public List<List<String>> start() {
        return List.of(List.of("schtasks", "/Create", "/TN", TASK, "/XML", xmlFile.toString(), "/F"),
                List.of("schtasks", "/Run", "/TN", TASK));
    }

    @Override
    public List<List<String>> stop() {
        return List.of(List.of("schtasks", "/End", "/TN", TASK), List.of("schtasks", "/Delete", "/TN", TASK, "/F"));
    }

    @Override
    public List<List<String>> afterRemove() {
        return List.of();
    }

    @Override
    public List<String> stateCommand() {
        return List.of("schtasks", "/Query", "/TN", TASK, "/FO", "LIST");
    }

    /** The {@code Status:} line of the listing (Running, Ready, Disabled; in the system's language). */
    @Override
    public String state(CommandRunner.Result result) {
        if (!result.ok()) {
            return "not registered";
        }
        return result.output().lines().map(String::strip).filter(line -> line.startsWith("Status:"))
                .map(line -> line.substring("Status:".length()).strip()).findFirst().orElse("registered");
    }

    @Override
    public String failureHint(CommandRunner.Result failed) {
        return failed.exitCode() == CommandRunner.NOT_FOUND ? "schtasks.exe was not found on the PATH." : "";
    }

    private static String xml(String text) {
        return XmlText.escape(text);
    }
}
