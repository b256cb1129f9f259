package io.memtomem.server.lifecycle;

import io.memtomem.core.Terminal;

/**
 * Started by hand in a terminal, the server would sit waiting for JSON-RPC on the keyboard. This tells the user how
 * to register it with an MCP host instead.
 */
public final class TerminalGuard {
    private TerminalGuard() {
    }

    /** Both stdin and stdout are terminals (on Java 22-24 a console exists for pipes too: see {@link Terminal}). */
    public static boolean startedByHand() {
        return Terminal.attached();
    }

    /** {@code launcherDir}: the bin/ directory of this install (set by the launcher), or null. */
    public static String hostSetupHelp(String launcherDir, boolean windows) {
        String command = launcherDir == null
                ? (windows ? "C:\\path\\to\\bin\\memtomem-server.cmd" : "/path/to/bin/memtomem-server")
                : launcherDir + (windows ? "\\memtomem-server.cmd" : "/memtomem-server");
        String jsonCommand = command.replace("\\", "\\\\");
        return """
                memtomem-server is an MCP stdio server: an MCP host (Claude Code, Claude Desktop, Cursor, ...)
                starts it and talks JSON-RPC over stdin/stdout. Running it by hand does nothing useful.

                Register it with your host:

                  Claude Code:
                    claude mcp add memtomem -- %s

                  Claude Desktop (claude_desktop_config.json) or Cursor (~/.cursor/mcp.json):
                    {"mcpServers": {"memtomem": {"command": "%s"}}}

                From a terminal, use the mm CLI instead (mm --help).
                """.formatted(command, jsonCommand);
    }
}
