package io.memtomem.cli.mcp;

import io.memtomem.locking.Os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The MCP hosts {@code mm init --mcp} can register the server with, and where each keeps its config. */
public enum McpHost {
    /** User scope of Claude Code: {@code ~/.claude.json}, which it also fills with its own state. */
    CLAUDE_CODE("claude-code", "Claude Code", "mcpServers", false),
    CLAUDE_DESKTOP("claude-desktop", "Claude Desktop", "mcpServers", true),
    CURSOR("cursor", "Cursor", "mcpServers", true),
    /** VS Code's user-level {@code mcp.json} (servers under {@code "servers"}, each with a {@code "type"}). */
    VSCODE("vscode", "VS Code", "servers", true);

    private final String label;
    private final String displayName;
    private final String serversKey;
    private final boolean gui;

    McpHost(String label, String displayName, String serversKey, boolean gui) {
        this.label = label;
        this.displayName = displayName;
        this.serversKey = serversKey;
        this.gui = gui;
    }

    public String label() {
        return label;
    }

    public String displayName() {
        return displayName;
    }

    /** The object in the config file that maps server names to their entries. */
    String serversKey() {
        return serversKey;
    }

    /** A desktop app: started from the Dock or Start menu, it does not see the PATH a login shell sets up. */
    boolean gui() {
        return gui;
    }

    /** The user-level config file this host reads its MCP servers from. */
    public Path configFile(Path home, Os os, Map<String, String> env) {
        return switch (this) {
            case CLAUDE_CODE -> home.resolve(".claude.json");
            case CURSOR -> home.resolve(".cursor").resolve("mcp.json");
            case CLAUDE_DESKTOP -> appConfigDir(home, os, env).resolve("Claude").resolve("claude_desktop_config.json");
            case VSCODE -> appConfigDir(home, os, env).resolve("Code").resolve("User").resolve("mcp.json");
        };
    }

    /** Installed for this user: its config file, or the directory it keeps it in, exists. */
    public boolean detected(Path home, Os os, Map<String, String> env) {
        Path file = configFile(home, os, env);
        return Files.exists(file) || (this != CLAUDE_CODE && Files.isDirectory(file.getParent()));
    }

    private static Path appConfigDir(Path home, Os os, Map<String, String> env) {
        if (os.isWindows()) {
            String appData = env.get("APPDATA");
            return appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
        }
        if (os.isMacOs()) {
            return home.resolve("Library").resolve("Application Support");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
    }

    /** Every name {@code --mcp} accepts: the hosts and {@code json} (print the snippet). */
    public static List<String> choices() {
        List<String> names = Arrays.stream(values()).map(McpHost::label).collect(Collectors.toList());
        names.add(McpTarget.JSON);
        return names;
    }

    /** {@code --mcp} completion candidates, lower-case as typed. */
    public static final class Choices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return choices().iterator();
        }
    }

    static Optional<McpHost> byLabel(String label) {
        return Arrays.stream(values()).filter(host -> host.label.equals(label)).findFirst();
    }
}
