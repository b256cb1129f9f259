package io.memtomem.cli.init;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Prompt;
import io.memtomem.core.config.ConfigFile;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.config.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mm init}: write the first ~/.memtomem/config.json. Asks questions only on a terminal. */
@Command(name = "init", description = {
        "Create ~/.memtomem/config.json.",
        "On a terminal it asks for the preset and the memory directory; elsewhere (or with --non-interactive) it "
                + "uses the flags and the defaults."})
public final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--non-interactive", description = "Never prompt; use the flags and defaults.")
    private boolean nonInteractive;

    @Option(names = "--memory-dir", paramLabel = "DIR",
            description = "Where notes live and new memories are written (default: ~/.memtomem/memories).")
    private String memoryDir;

    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "minimal",
            description = "minimal (keyword search) or english (+ local semantic search); default: ${DEFAULT-VALUE}.")
    private Preset preset;

    public InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        MemtomemConfig current = context.loadConfig();
        PrintWriter out = context.out();
        if (current.isConfigured()) {
            out.println("memtomem is already configured: " + current.configFile());
            out.println("Change settings with 'mm config set KEY VALUE' (see 'mm config show').");
            return ExitCode.OK.code();
        }
        Path memories = memoryDir == null ? current.memoryDirs().get(0) : resolve(memoryDir);
        if (context.interactive() && !nonInteractive) {
            Prompt prompt = new Prompt(out, context.stdin());
            preset = Preset.parse(prompt.ask("Preset (minimal: keyword search; english: + semantic search)",
                    preset.label()));
            memories = resolve(prompt.ask("Memory directory", memories.toString()));
        }
        Map<String, Object> values = new LinkedHashMap<>(preset.configValues());
        values.put("indexing.memory_dirs", List.of(memories.toString()));
        ConfigFile.writeInitial(context.environment(), values);
        // new memories are written there, and status warns about a missing memory dir
        PrivateFiles.createDirectories(memories);
        out.println("Wrote " + current.configFile() + " (preset " + preset.label() + ")");
        out.println("Next steps:");
        out.println("  mm add \"Deploys are frozen on Fridays\" --tags ops");
        out.println("  mm index " + memories);
        out.println("  mm search \"deploy freeze\"");
        return ExitCode.OK.code();
    }

    /** Relative to the working directory; a leading {@code ~/} (typed at the prompt) means HOME. */
    private Path resolve(String typed) {
        Path base = typed.startsWith("~/") ? context.home() : context.environment().cwd();
        return base.resolve(typed.startsWith("~/") ? typed.substring(2) : typed).toAbsolutePath().normalize();
    }
}
