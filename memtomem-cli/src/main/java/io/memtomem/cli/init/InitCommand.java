package io.memtomem.cli.init;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.CliException;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.LauncherDir;
import io.memtomem.cli.common.Prompt;
import io.memtomem.cli.index.IndexCommand;
import io.memtomem.cli.index.PendingVectors;
import io.memtomem.cli.mcp.HostConfigFile;
import io.memtomem.cli.mcp.McpHost;
import io.memtomem.cli.mcp.McpTarget;
import io.memtomem.cli.mcp.ServerEntry;
import io.memtomem.core.Memtomem;
import io.memtomem.core.config.ConfigFile;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.config.PrivateFiles;
import io.memtomem.core.embed.EmbedRun;
import io.memtomem.core.embed.EmbeddingState;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code mm init}: writes ~/.memtomem/config.json (or switches a configured store's preset), indexes the memory dirs
 * and registers the MCP server with the hosts the user picks. Asks questions only on a terminal.
 */
@Command(name = "init", description = {
        "Set up memtomem: write ~/.memtomem/config.json, index the memory directory and register the MCP server "
                + "with your MCP hosts.",
        "On a terminal it asks for the preset, the memory directory and which of the hosts it finds to register "
                + "with; elsewhere (or with --non-interactive) it uses the flags and the defaults. On a configured "
                + "store it keeps the config, switches to --preset when given, and indexes and registers again.",
        "A host config it changes is backed up first (<file>.bak-<time>); an entry named memtomem that starts "
                + "something else is never replaced."})
public final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--non-interactive", description = "Never prompt; use the flags and defaults.")
    private boolean nonInteractive;

    @Option(names = "--memory-dir", paramLabel = "DIR",
            description = "Where notes live and new memories are written (default: ~/.memtomem/memories).")
    private String memoryDir;

    @Option(names = "--preset", paramLabel = "PRESET", converter = Preset.Converter.class,
            completionCandidates = Preset.Names.class,
            description = "${COMPLETION-CANDIDATES}: minimal is keyword search, english adds local semantic search "
                    + "(default: minimal). On a configured store: switch to it.")
    private Preset preset;

    @Option(names = "--mcp", paramLabel = "HOST", split = ",", converter = McpTarget.Converter.class,
            completionCandidates = McpHost.Choices.class,
            description = "Register the MCP server with these hosts without asking (${COMPLETION-CANDIDATES}); "
                    + "json prints the entry for any other host on stdout instead.")
    private List<McpTarget> mcp = new ArrayList<>();

    public InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        boolean snippet = mcp.stream().anyMatch(McpTarget::json);
        // with --mcp json, stdout carries only the snippet, so it can be redirected into a file
        PrintWriter info = snippet ? context.err() : context.out();
        Prompt prompt = context.interactive() && !nonInteractive ? new Prompt(info, context.stdin()) : null;
        MemtomemConfig config = context.loadConfig();
        boolean switched = false;
        if (config.isConfigured()) {
            switched = reconfigure(config, prompt, info);
        } else {
            configure(config, prompt, info);
        }
        config = context.loadConfig();
        indexMemoryDirs(config, switched, info);
        boolean refused = registerHosts(prompt, info);
        if (snippet) {
            context.out().println(HostConfigFile.snippet(entry(McpHost.CLAUDE_DESKTOP)));
        }
        nextSteps(config, info);
        return refused ? ExitCode.REFUSED_OR_USAGE.code() : ExitCode.OK.code();
    }

    private void configure(MemtomemConfig current, Prompt prompt, PrintWriter info) {
        Preset chosen = preset == null ? Preset.MINIMAL : preset;
        Path memories = memoryDir == null ? current.indexing().memoryDirs().get(0) : resolve(memoryDir);
        if (prompt != null) {
            chosen = askPreset(prompt, chosen);
            memories = prompt.choose("Memory directory", memories.toString(), this::usableDir,
                    "that is a file, not a directory: give a directory (it is created if missing)");
        } else if (!Files.isDirectory(memories) && Files.exists(memories)) {
            throw new CliException(ExitCode.REFUSED_OR_USAGE, "--memory-dir " + memories + " is a file, not a directory");
        }
        Map<String, Object> values = new LinkedHashMap<>(chosen.configValues());
        values.put("indexing.memory_dirs", List.of(memories.toString()));
        ConfigFile.writeInitial(context.environment(), values);
        info.println("Wrote " + current.configFile() + " (preset " + chosen.label() + ")");
    }

    /** A configured store keeps its config; only an explicit (or answered) other preset changes it. */
    private boolean reconfigure(MemtomemConfig current, Prompt prompt, PrintWriter info) {
        Optional<Preset> now = Preset.of(current.embedding().provider());
        Preset wanted = preset;
        if (wanted == null && prompt != null) {
            wanted = askPreset(prompt, now.orElse(Preset.MINIMAL));
        }
        if (wanted == null || now.equals(Optional.of(wanted))) {
            info.println("memtomem is already configured: " + current.configFile()
                    + now.map(p -> " (preset " + p.label() + ")").orElse(""));
            return false;
        }
        wanted.configValues().forEach((key, value) -> ConfigFile.set(current, key, String.valueOf(value)));
        info.println("Switched " + current.configFile() + " to preset " + wanted.label()
                + now.map(p -> " (was " + p.label() + ")").orElse(""));
        return true;
    }

    private static Preset askPreset(Prompt prompt, Preset fallback) {
        return prompt.choose("Preset (minimal: keyword search; english: + semantic search)", fallback.label(),
                Preset::parse, Preset.choices());
    }

    private Optional<Path> usableDir(String typed) {
        Path dir = resolve(typed);
        return Files.exists(dir) && !Files.isDirectory(dir) ? Optional.empty() : Optional.of(dir);
    }

    /**
     * Creates the memory dirs and indexes them the way {@code mm index} does (progress bar on a terminal); after a
     * preset switch the stored vectors belong to the old model, so they are reset first ({@code mm embedding-reset}).
     */
    private void indexMemoryDirs(MemtomemConfig config, boolean switched, PrintWriter info) throws IOException {
        // new memories are written there (owner-only, like the store), and status warns about a missing one
        PrivateFiles.createDirectories(config.indexing().memoryDirs().get(0));
        long notes = 0;
        long chunks = 0;
        try (Memtomem memtomem = Memtomem.open(config)) {
            if (switched) {
                EmbeddingState state = memtomem.embeddingReset();
                info.println("Embedding model is now " + state.configuredProvider() + " / " + state.configuredModel());
            }
            for (Path dir : config.indexing().memoryDirs()) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                IndexResult result = IndexCommand.index(context, memtomem, new IndexRequest(dir, true, false, null),
                        true);
                notes += result.filesScanned() - result.filesBlocked() - result.filesSkipped();
                chunks += result.totalChunks();
                result.blocked().forEach(blocked -> context.err().println(
                        context.palette().yellow("Blocked: ") + blocked));
            }
            // as mm index does: chunks without a vector are embedded when a provider is configured
            EmbedRun embedded = PendingVectors.embed(context, memtomem, false);
            Optional.ofNullable(PendingVectors.summary(embedded)).ifPresent(info::println);
            Optional.ofNullable(PendingVectors.failure(embedded))
                    .ifPresent(failure -> context.err().println(context.palette().yellow("Warning: ") + failure));
        }
        info.println(notes == 0
                ? "No notes yet in " + config.indexing().memoryDirs().get(0) + ": add one with mm add, or index a folder."
                : notes + " note file(s), " + chunks + " chunk(s) searchable.");
    }

    /** Registers with the hosts from --mcp, or with the detected hosts the user says yes to. True if one refused. */
    private boolean registerHosts(Prompt prompt, PrintWriter info) throws IOException {
        List<McpHost> hosts = new ArrayList<>();
        mcp.stream().filter(target -> !target.json()).map(McpTarget::host).distinct().forEach(hosts::add);
        Map<String, String> env = context.environment().env();
        if (mcp.isEmpty() && prompt != null) {
            for (McpHost host : McpHost.values()) {
                Path file = host.configFile(context.home(), context.os(), env);
                if (host.detected(context.home(), context.os(), env)
                        && prompt.confirm("Register the memtomem MCP server with " + host.displayName() + " (" + file + ")?")) {
                    hosts.add(host);
                }
            }
        } else if (mcp.isEmpty()) {
            info.println("MCP hosts: 'mm init --mcp " + String.join("|", McpHost.choices())
                    + "' registers the server (json prints the entry to paste).");
        }
        boolean refused = false;
        for (McpHost host : hosts) {
            Path file = host.configFile(context.home(), context.os(), env);
            HostConfigFile.Outcome outcome = HostConfigFile.register(host, file, entry(host), LocalDateTime.now());
            switch (outcome.status()) {
                case ADDED -> info.println("Registered memtomem with " + host.displayName() + " in " + file
                        + (outcome.backup() == null ? "" : " (backup: " + outcome.backup() + ")")
                        + "; restart " + host.displayName() + " to load it.");
                case ALREADY_REGISTERED -> info.println(host.displayName() + " already starts this memtomem (" + file + ").");
                case CONFLICT, UNREADABLE -> {
                    refused = true;
                    context.err().println(context.palette().yellow("Not registered with " + host.displayName() + ": ")
                            + file + ": " + outcome.detail() + ". Left unchanged; edit it by hand (see 'mm init --mcp json').");
                }
            }
        }
        return refused;
    }

    private ServerEntry entry(McpHost host) {
        return ServerEntry.forInstall(host, LauncherDir.require("to register the MCP server"), context.os(), Path.of(System.getProperty("java.home")),
                pathVariable());
    }


    private String pathVariable() {
        Map<String, String> env = context.environment().env();
        return env.getOrDefault("PATH", env.get("Path"));
    }

    /** Commands that work as printed: mm by its full path unless its bin/ is on PATH, and how to put it there. */
    private void nextSteps(MemtomemConfig config, PrintWriter info) {
        String bin = System.getProperty("memtomem.bin");
        String mm = "mm";
        if (bin != null && !onPath(Path.of(bin))) {
            Path launcher = Path.of(bin).resolve(context.os().isWindows() ? "mm.cmd" : "mm");
            mm = "\"" + launcher + "\"";
            info.println("mm is not on your PATH yet; add it with:");
            info.println(context.os().isWindows()
                    ? "  setx PATH \"%PATH%;" + bin + "\"   (then open a new terminal)"
                    : "  export PATH=\"" + bin + ":$PATH\"   (and add that line to ~/.profile or your shell's rc file)");
        }
        info.println("Next steps:");
        info.println("  " + mm + " add \"Deploys are frozen on Fridays\" --tags ops");
        info.println("  " + mm + " search \"deploy freeze\"");
        info.println("  " + mm + " index ~/notes      # make notes you already have searchable");
        info.println("  " + mm + " doctor             # check the install, the store and the MCP hosts");
    }

    private boolean onPath(Path bin) {
        String path = pathVariable();
        if (path == null) {
            return false;
        }
        for (String dir : path.split(context.os().isWindows() ? ";" : ":")) {
            try {
                if (!dir.isBlank() && Files.isSameFile(Path.of(dir), bin)) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // a PATH entry that does not exist or cannot be read is simply not ours
            }
        }
        return false;
    }

    /** Relative to the working directory; a leading {@code ~/} (typed at the prompt) means HOME. */
    private Path resolve(String typed) {
        Path base = typed.startsWith("~/") ? context.home() : context.environment().cwd();
        return base.resolve(typed.startsWith("~/") ? typed.substring(2) : typed).toAbsolutePath().normalize();
    }
}
