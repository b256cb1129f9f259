package io.memtomem.cli;

import io.memtomem.cli.add.AddCommand;
import io.memtomem.cli.common.VerboseOption;
import io.memtomem.cli.completion.CompletionCommand;
import io.memtomem.cli.config.ConfigCommand;
import io.memtomem.cli.demo.DemoCommand;
import io.memtomem.cli.embedding.EmbeddingResetCommand;
import io.memtomem.cli.index.IndexCommand;
import io.memtomem.cli.init.InitCommand;
import io.memtomem.cli.list.ListCommand;
import io.memtomem.cli.read.ReadCommand;
import io.memtomem.cli.recall.RecallCommand;
import io.memtomem.cli.search.SearchCommand;
import io.memtomem.cli.status.StatusCommand;
import io.memtomem.cli.training.CdsTrainingCommand;
import io.memtomem.cli.uninstall.UninstallCommand;
import io.memtomem.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code mm}: the root command. Every subcommand inherits {@code --help}/{@code --version} and {@code --verbose}. */
@Command(name = "mm", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = MmCommand.CoreVersion.class,
        description = "memtomem: markdown-first long-term memory for AI agents, from the terminal.",
        subcommands = {InitCommand.class, StatusCommand.class, AddCommand.class, SearchCommand.class,
                IndexCommand.class, RecallCommand.class, ListCommand.class, ReadCommand.class, ConfigCommand.class,
                EmbeddingResetCommand.class, DemoCommand.class, UninstallCommand.class, CompletionCommand.class,
                CdsTrainingCommand.class, CommandLine.HelpCommand.class})
public final class MmCommand implements Runnable {
    @Spec
    private CommandSpec spec;

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
