package io.memtomem.cli.uninstall;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * MCP host configs that mention memtomem. Reported so the user can remove the entry; never read beyond a bounded
 * prefix and never modified (locking.md §7.9).
 */
final class ExternalIntegrations {
    private static final int MAX_BYTES = 1 << 20;

    private ExternalIntegrations() {
    }

    static List<Path> find(Path home, Path cwd) {
        return Stream.of(home.resolve(".claude.json"), home.resolve(".codex/config.toml"),
                        home.resolve(".cursor/mcp.json"), home.resolve(".codeium/windsurf/mcp_config.json"),
                        home.resolve(".gemini/settings.json"),
                        home.resolve(".config/Claude/claude_desktop_config.json"),
                        home.resolve("Library/Application Support/Claude/claude_desktop_config.json"),
                        home.resolve("AppData/Roaming/Claude/claude_desktop_config.json"),
                        cwd.resolve(".mcp.json"))
                .filter(ExternalIntegrations::mentionsMemtomem)
                .toList();
    }

    private static boolean mentionsMemtomem(Path config) {
        if (!Files.isRegularFile(config)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(config)) {
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8).contains("memtomem");
        } catch (IOException unreadable) {
            return false;
        }
    }
}
