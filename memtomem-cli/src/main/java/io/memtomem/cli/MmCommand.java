package io.memtomem.cli;

import io.memtomem.cli.add.AddCommand;
import io.memtomem.cli.common.HelpOptions;
import io.memtomem.cli.common.VerboseOption;
import io.memtomem.cli.completion.CompletionCommand;
import io.memtomem.cli.config.ConfigCommand;
import io.memtomem.cli.delete.DeleteCommand;
import io.memtomem.cli.demo.DemoCommand;
import io.memtomem.cli.doctor.DoctorCommand;
import io.memtomem.cli.edit.EditCommand;
import io.memtomem.cli.embedding.EmbedCommand;
import io.memtomem.cli.embedding.EmbeddingResetCommand;
import io.memtomem.cli.http.HttpTokenCommand;
import io.memtomem.cli.index.IndexCommand;
import io.memtomem.cli.init.InitCommand;
import io.memtomem.cli.list.ListCommand;
import io.memtomem.cli.read.ReadCommand;
import io.memtomem.cli.recall.RecallCommand;
import io.memtomem.cli.search.SearchCommand;
import io.memtomem.cli.service.ServiceCommand;
import io.memtomem.cli.status.StatusCommand;
import io.memtomem.cli.training.CdsTrainingCommand;
import io.memtomem.cli.uninstall.UninstallCommand;
import io.memtomem.cli.version.VersionCommand;
import io.memtomem.core.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code mm}: the root command. Every subcommand inherits {@code --help}/{@code --version} and {@code --verbose}. */
@Command(name = "mm", scope = ScopeType.INHERIT, versionProvider = MmCommand.CoreVersion.class,
        description = "memtomem: markdown-first long-term memory for AI agents, from the terminal.")
public final class MmCommand implements Runnable {
    /**
     * Every subcommand by name, in help order. Registered programmatically so a run builds the picocli models of
     * the commands it uses only.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /** Subcommands that are not listed as commands to run: the help command itself and the hidden build step. */
    static final Set<String> UNLISTED = Set.of("help", "cds-training");

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("init", InitCommand.class);
        commands.put("status", StatusCommand.class);
        commands.put("doctor", DoctorCommand.class);
        commands.put("add", AddCommand.class);
        commands.put("search", SearchCommand.class);
        commands.put("index", IndexCommand.class);
        commands.put("recall", RecallCommand.class);
        commands.put("list", ListCommand.class);
        commands.put("read", ReadCommand.class);
        commands.put("edit", EditCommand.class);
        commands.put("delete", DeleteCommand.class);
        commands.put("config", ConfigCommand.class);
        commands.put("embed", EmbedCommand.class);
        commands.put("embedding-reset", EmbeddingResetCommand.class);
        commands.put("demo", DemoCommand.class);
        commands.put("http-token", HttpTokenCommand.class);
        commands.put("service", ServiceCommand.class);
        commands.put("uninstall", UninstallCommand.class);
        commands.put("version", VersionCommand.class);
        commands.put("completion", CompletionCommand.class);
        commands.put("cds-training", CdsTrainingCommand.class);
        commands.put("help", HelpCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * The subcommands a run needs: only the one named on the command line, none for {@code --version}, and all of
     * them when the run may list them (help, completion, an unknown command, and the training run).
     */
    static Map<String, Class<?>> neededFor(String... args) {
        // plain loops: this runs first in every start, before anything has linked a lambda or a stream
        String named = "";
        boolean versionOnly = args.length > 0;
        for (String arg : args) {
            if (named.isEmpty() && !arg.startsWith("-")) {
                named = arg;
            }
            versionOnly &= arg.equals("--version") || arg.equals("-V");
        }
        Class<?> only = SUBCOMMANDS.get(named);
        if (only != null && !named.equals("completion") && !UNLISTED.contains(named)) {
            return Map.of(named, only);
        }
        return versionOnly ? Map.of() : SUBCOMMANDS;
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOptions help;

    @Mixin
    private VerboseOption verbose;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    /** The same string the server reports as serverInfo.version. */
    static final class CoreVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.current()};
        }
    }
}
