package io.memtomem.cli.common;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Python memtomem's {@code --format} values, so scripts written for its {@code mm} run on ours. Each command
 * accepts the subset it renders ({@link #require}); {@code --json} keeps our own, richer shape.
 */
public enum ListingFormat {
    TABLE, JSON, PLAIN, CONTEXT;

    public static final String OPTION = "--format";

    /** The reference cuts content to this many characters in its json and plain forms. */
    private static final int EXCERPT_CHARS = 200;

    /** Refuses a value the command does not render, as a usage error (exit 2) naming the ones it does. */
    public static ListingFormat require(CommandSpec spec, ListingFormat given, ListingFormat... allowed) {
        if (given == null) {
            return TABLE;
        }
        List<ListingFormat> valid = Arrays.asList(allowed);
        if (!valid.contains(given)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + OPTION + "': '" + given
                    + "' (valid for " + spec.qualifiedName() + ": "
                    + valid.stream().map(ListingFormat::toString).collect(Collectors.joining(", ")) + ")");
        }
        return given;
    }

    /** Content as the reference's json and plain forms show it: the first 200 characters. */
    public static String excerpt(String content) {
        return content.length() <= EXCERPT_CHARS ? content : content.substring(0, EXCERPT_CHARS);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
