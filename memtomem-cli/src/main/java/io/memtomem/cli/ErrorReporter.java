package io.memtomem.cli;

import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.common.ListingFormat;
import io.memtomem.cli.common.VerboseOption;
import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.PathOutsideMemoryDirsException;
import io.memtomem.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Turns every failure into one {@code Error: <message>} line on stderr (a stack trace only with --verbose);
 * with --json the same message also goes to stdout as {@code {"error": …}} so scripts always get JSON.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final CliContext context;

    ErrorReporter(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        String message = ex.getMessage() + suggestion(ex) + " (see '" + command + " --help')";
        if (Arrays.asList(args).contains(JsonOption.NAME)) {
            Json.print(context.out(), Map.of("error", message));
        }
        printError(message);
        return ExitCode.REFUSED_OR_USAGE.code();
    }

    /** picocli's "Did you mean" for a mistyped command or option. */
    private static String suggestion(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return ". Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return "";
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        String message = message(ex);
        if (wantsJson(command.getParseResult())) {
            Json.print(context.out(), Map.of("error", message));
        }
        printError(message);
        if (verbose(parseResult)) {
            ex.printStackTrace(context.err());
        }
        return exitCode(ex);
    }

    /**
     * README's promise: 2 when the input was refused and nothing changed (an invalid value, a refused secret, a path
     * outside the memory dirs, a bad config value), 1 for every other failure.
     */
    static int exitCode(Exception ex) {
        Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        if (cause instanceof CliException cli) {
            return cli.exitCode().code();
        }
        boolean refused = cause instanceof InvalidInputException || cause instanceof ConfigException
                || cause instanceof PathOutsideMemoryDirsException;
        return (refused ? ExitCode.REFUSED_OR_USAGE : ExitCode.ERROR).code();
    }

    /** {@code --json}, or the Python memtomem's {@code --format json}: either way a script reads stdout as JSON. */
    private static boolean wantsJson(ParseResult parsed) {
        return parsed.hasMatchedOption(JsonOption.NAME) || (parsed.hasMatchedOption(ListingFormat.OPTION)
                && parsed.matchedOptionValue(ListingFormat.OPTION, ListingFormat.TABLE) == ListingFormat.JSON);
    }

    private void printError(String message) {
        context.err().println(context.palette().red("Error:") + " " + message);
    }

    /** Our own messages are written for people; anything else is named by its type so it is still searchable. */
    private static String message(Exception ex) {
        Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        String text = cause instanceof MemtomemException || cause instanceof CliException
                ? cause.getMessage()
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(VerboseOption.NAME)) {
                return true;
            }
        }
        return false;
    }
}
