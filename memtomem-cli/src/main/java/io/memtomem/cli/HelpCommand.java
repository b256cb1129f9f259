package io.memtomem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;

/**
 * {@code mm help [COMMAND]}: picocli's help command, as our own class so the command model carries it too, and so it
 * takes the inherited {@code -h}/{@code -V}/{@code --verbose} (picocli's declares a {@code -h} of its own).
 */
@Command(name = "help", header = "Display help information about the specified command.",
        synopsisHeading = "%nUsage: ", helpCommand = true,
        description = {"%nWhen no COMMAND is given, the usage help for the main command is displayed.",
                "If a COMMAND is specified, the help for that command is shown.%n"})
public final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..1", completionCandidates = Commands.class,
            description = "The COMMAND to display the usage help message for.")
    private String command;

    /** What {@code mm help <TAB>} offers: the commands {@code mm --help} lists. */
    static final class Commands implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return MmCommand.SUBCOMMANDS.keySet().stream().filter(name -> !MmCommand.UNLISTED.contains(name))
                    .iterator();
        }
    }

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine parent = self.getParent();
        CommandLine shown = command == null ? parent : parent.getSubcommands().get(command);
        if (shown == null) {
            throw new ParameterException(parent, "Unknown subcommand '" + command + "'.", null, command);
        }
        shown.usage(out, colors);
        return shown.getCommandSpec().exitCodeOnUsageHelp();
    }
}
