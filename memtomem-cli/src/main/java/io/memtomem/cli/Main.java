package io.memtomem.cli;

import io.memtomem.cli.model.CommandModel;
import io.memtomem.core.trace.StartupTrace;
import picocli.CommandLine;
import picocli.CommandLine.Help;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Entry point of {@code mm}. Tests call {@link #run(CliContext, String...)}; only {@link #main} exits the JVM. */
public final class Main {
    /**
     * picocli registers a converter for every java.sql and java.time type it knows in each CommandLine it builds, by
     * reflection on those classes (~4 ms of a cold start); no mm option has such a type. Only when not set otherwise.
     */
    private static final String UNUSED_CONVERTERS = "java\\.sql\\..*|java\\.time\\..*";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs against the real HOME, environment and terminal, printing to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CliContext.system(out, err), args);
    }

    public static int run(CliContext context, String... args) {
        StartupTrace.mark("main");
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
        Map<String, Class<?>> subcommands = MmCommand.neededFor(args);
        if (subcommands.size() == 1) {
            StartupPreload.forCommand(subcommands.keySet().iterator().next(), context).start();
        }
        try {
            CommandLine commandLine = commandLine(context, subcommands, CommandModel.bundled());
            StartupTrace.mark("picocli model");
            return commandLine.execute(args);
        } finally {
            context.configLoad().forget();
            context.out().flush();
            StartupTrace.mark("command done, output flushed");
            context.err().flush();
            StartupTrace.print(context.err());
        }
    }

    static CommandLine commandLine(CliContext context, Map<String, Class<?>> subcommands, CommandModel model) {
        ErrorReporter errors = new ErrorReporter(context);
        ContextFactory factory = new ContextFactory(context);
        CommandLine commandLine = new CommandLine(model.command(MmCommand.class, factory), factory);
        for (Map.Entry<String, Class<?>> subcommand : subcommands.entrySet()) { // no lambda before the preload's
            commandLine.addSubcommand(subcommand.getKey(), model.command(subcommand.getValue(), factory));
        }
        commandLine.setOut(context.out())
                .setErr(context.err())
                .setColorScheme(Help.defaultColorScheme(context.palette().enabled() ? Help.Ansi.ON : Help.Ansi.OFF))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        documentExitCodes(commandLine, exitCodeHelp());
        return commandLine;
    }

    private static void documentExitCodes(CommandLine commandLine, Map<String, String> exitCodes) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            documentExitCodes(sub, exitCodes);
        }
    }

    private static Map<String, String> exitCodeHelp() {
        Map<String, String> help = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            help.put(Integer.toString(code.code()), code.meaning());
        }
        return help;
    }
}
