package io.memtomem.cli.mcp;

import io.memtomem.locking.Os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an MCP host needs to start this install's server: the absolute launcher path ({@code cmd /c} with the
 * {@code .cmd} on Windows, which hosts cannot execute directly) and {@code JAVA_HOME} when the host would not find
 * this Java on its own PATH (a desktop app on macOS sees only the system PATH, not Homebrew's or SDKMAN's).
 */
public record ServerEntry(String command, List<String> args, Map<String, String> env) {
    /** What macOS gives an app started from the Dock or Finder. */
    static final List<Path> MACOS_GUI_PATH = List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"),
            Path.of("/sbin"));

    public ServerEntry {
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /**
     * @param launcherDir the install's {@code bin/}
     * @param javaHome    the Java running this {@code mm}, known to work
     * @param shellPath   the PATH of this process (what a terminal-started host inherits)
     */
    public static ServerEntry forInstall(McpHost host, Path launcherDir, Os os, Path javaHome, String shellPath) {
        List<String> args = new ArrayList<>();
        String command;
        if (os.isWindows()) {
            command = "cmd";
            args.add("/c");
            args.add(launcherDir.resolve("memtomem-server.cmd").toString());
        } else {
            command = launcherDir.resolve("memtomem-server").toString();
        }
        List<Path> hostPath = host.gui() && os.isMacOs() ? MACOS_GUI_PATH : split(shellPath, os);
        Map<String, String> env = javaOnPath(javaHome, hostPath, os)
                ? Map.of() : Map.of("JAVA_HOME", javaHome.toString());
        return new ServerEntry(command, args, env);
    }

    /** The entry as the host's JSON expects it (VS Code and Claude Code also want the transport type). */
    Map<String, Object> toJson(McpHost host) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (host == McpHost.VSCODE || host == McpHost.CLAUDE_CODE) {
            json.put("type", "stdio");
        }
        json.put("command", command);
        json.put("args", args);
        if (!env.isEmpty()) {
            json.put("env", env);
        }
        return json;
    }

    private static List<Path> split(String path, Os os) {
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(os.isWindows() ? ";" : ":")) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return dirs;
    }

    /** Whether a {@code java} on {@code path} is this very Java (symlinks such as /usr/bin/java resolved). */
    static boolean javaOnPath(Path javaHome, List<Path> path, Os os) {
        String exe = os.isWindows() ? "java.exe" : "java";
        Path ours = realPath(javaHome.resolve("bin").resolve(exe));
        return ours != null && path.stream().map(dir -> realPath(dir.resolve(exe))).anyMatch(ours::equals);
    }

    private static Path realPath(Path path) {
        try {
            return Files.isRegularFile(path) ? path.toRealPath() : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
