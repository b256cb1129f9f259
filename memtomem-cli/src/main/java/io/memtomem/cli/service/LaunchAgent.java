package io.memtomem.cli.service;

import io.memtomem.cli.common.CommandRunner;
import io.memtomem.core.config.PrivateFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * macOS: a launchd LaunchAgent, {@code ~/Library/LaunchAgents/io.memtomem.server.plist}, loaded into the user's GUI
 * domain ({@code gui/<uid>}): launchd starts it at login ({@code RunAtLoad}) and again whenever it exits with a
 * failure ({@code KeepAlive/SuccessfulExit=false}). Its stderr goes to the store's {@code logs/service.log}.
 */
final class LaunchAgent implements ServicePlatform {
    static final String LABEL = "io.memtomem.server";

    private final Path plist;
    private final long uid;

    LaunchAgent(Path home, long uid) {
        this.plist = home.resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist");
        this.uid = uid;
    }

    @Override
    public String kind() {
        return "launchd";
    }

    @Override
    public String displayName() {
        return "launchd LaunchAgent";
    }

    @Override
    public Path definitionFile() {
        return plist;
    }

    /** Where launchd writes the server's stdout and stderr (the store's logs dir, which mm uninstall removes). */
    static Path logFile(Path storeDir) {
        return storeDir.resolve("logs").resolve("service.log");
    }

    @Override
    public byte[] definition(ServiceSpec spec) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
        xml.append("<!-- ").append(MARKER).append("; 'mm service uninstall' stops and removes it. -->\n");
        xml.append("<plist version=\"1.0\">\n<dict>\n");
        key(xml, "Label").append("  <string>").append(LABEL).append("</string>\n");
        key(xml, "ProgramArguments").append("  <array>\n");
        spec.command().forEach(arg -> xml.append("    <string>").append(escape(arg)).append("</string>\n"));
        xml.append("  </array>\n");
        key(xml, "EnvironmentVariables").append("  <dict>\n");
        spec.sortedEnv().forEach((name, value) -> xml.append("    <key>").append(escape(name)).append("</key>\n")
                .append("    <string>").append(escape(value)).append("</string>\n"));
        xml.append("  </dict>\n");
        key(xml, "RunAtLoad").append("  <true/>\n");
        key(xml, "KeepAlive").append("  <dict>\n    <key>SuccessfulExit</key>\n    <false/>\n  </dict>\n");
        key(xml, "ThrottleInterval").append("  <integer>5</integer>\n");
        String log = escape(logFile(spec.storeDir()).toString());
        key(xml, "StandardOutPath").append("  <string>").append(log).append("</string>\n");
        key(xml, "StandardErrorPath").append("  <string>").append(log).append("</string>\n");
        xml.append("</dict>\n</plist>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** launchd opens the log file before the JVM starts, and does not create its directory. */
    @Override
    public void prepare(ServiceSpec spec) {
        PrivateFiles.createDirectories(logFile(spec.storeDir()).getParent());
    }

    @Override
    public List<List<String>> start() {
        return List.of(List.of("launchctl", "bootstrap", domain(), plist.toString()));
    }

    @Override
    public List<List<String>> stop() {
        return List.of(List.of("launchctl", "bootout", domain() + "/" + LABEL));
    }

    @Override
    public List<List<String>> afterRemove() {
        return List.of();
    }

    @Override
    public List<String> stateCommand() {
        return List.of("launchctl", "print", domain() + "/" + LABEL);
    }

    /** {@code launchctl print} names the job's {@code state = running}; it fails when the job is not loaded. */
    @Override
    public String state(CommandRunner.Result result) {
        if (!result.ok()) {
            return "not loaded";
        }
        return result.output().lines().map(String::strip).filter(line -> line.startsWith("state = "))
                .map(line -> line.substring("state = ".length())).findFirst().orElse("loaded");
    }

    @Override
    public String failureHint(CommandRunner.Result failed) {
        if (failed.exitCode() == CommandRunner.NOT_FOUND) {
            return "launchctl is not available here.";
        }
        return "launchctl bootstrap needs this user's GUI session (gui/" + uid + "): run it from a login on this Mac, "
                + "not over ssh or sudo.";
    }

    private String domain() {
        return "gui/" + uid;
    }

    private static StringBuilder key(StringBuilder xml, String name) {
        return xml.append("  <key>").append(name).append("</key>\n");
    }

    private static String escape(String text) {
        return XmlText.escape(text);
    }
}
