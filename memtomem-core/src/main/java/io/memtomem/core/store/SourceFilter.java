package io.memtomem.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A source-path filter: a substring of the absolute path, or, when it contains {@code * ? [}, an fnmatch-style
 * {@link PathGlob} matched against the whole absolute path. Every caller, in Java and in SQL, matches through the
 * same glob: SQLite's own GLOB has other class rules and would accept what the Java side refuses.
 */
public final class SourceFilter {
    /** The parameter MCP tools call it; the CLI's --source / a path argument reports under the same name. */
    private static final String PARAMETER = "source_filter";

    private final String substring;
    private final PathGlob glob;

    private SourceFilter(String substring, PathGlob glob) {
        this.substring = substring;
        this.glob = glob;
    }

    /**
     * A blank or null filter matches everything.
     *
     * @throws io.memtomem.core.InvalidInputException for a glob that is too long or has a reversed range
     */
    public static SourceFilter parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new SourceFilter("", null);
        }
        String filter = raw.strip();
        return PathGlob.isGlob(filter) ? new SourceFilter(null, PathGlob.compile(filter, PARAMETER))
                : new SourceFilter(filter, null);
    }

    public boolean matches(String absolutePath) {
        return glob == null ? absolutePath.contains(substring) : glob.matches(absolutePath);
    }

    /**
     * The same test in SQL, for queries that LIMIT after it: a substring is {@code instr}; a glob becomes the list of
     * indexed sources it matches, which {@link #sqlParam} computes with the Java glob.
     */
    public String sql(String column) {
        return glob == null ? "instr(" + column + ", ?) > 0" : column + " IN (SELECT value FROM json_each(?))";
    }

    /** The parameter of {@link #sql}, read on the session the query runs on so both see the same sources. */
    public Object sqlParam(Session session) throws SQLException {
        if (glob == null) {
            return substring;
        }
        List<String> matching = new ArrayList<>();
        try (ResultSet row = session.prepare("SELECT DISTINCT source_file FROM chunks").executeQuery()) {
            while (row.next()) {
                if (glob.matches(row.getString(1))) {
                    matching.add(row.getString(1));
                }
            }
        }
        return JsonLists.encode(matching);
    }

    public boolean matchesEverything() {
        return glob == null && substring.isEmpty();
    }
}
