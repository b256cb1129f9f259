package io.memtomem.core.store;

import java.util.regex.Pattern;

/**
 * A source-path filter: a substring of the absolute path, or, when it contains {@code * ? [}, an fnmatch-style glob
 * matched against the whole absolute path ({@code *} also crosses directory separators, as in Python's fnmatch).
 */
public final class SourceFilter {
    private final String substring;
    private final Pattern glob;
    private final String sqlGlob;

    private SourceFilter(String substring, Pattern glob, String sqlGlob) {
        this.substring = substring;
        this.glob = glob;
        this.sqlGlob = sqlGlob;
    }

    /** A blank or null filter matches everything. */
    public static SourceFilter parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new SourceFilter("", null, null);
        }
        String filter = raw.strip();
        boolean isGlob = filter.indexOf('*') >= 0 || filter.indexOf('?') >= 0 || filter.indexOf('[') >= 0;
        return isGlob ? new SourceFilter(null, Pattern.compile(translate(filter), Pattern.DOTALL),
                filter.replace("[!", "[^")) : new SourceFilter(filter, null, null);
    }

    public boolean matches(String absolutePath) {
        return glob == null ? absolutePath.contains(substring) : glob.matcher(absolutePath).matches();
    }

    /** The same test in SQL (SQLite GLOB is fnmatch with {@code [^...]} negation), for queries that LIMIT after it. */
    public String sql(String column) {
        return glob == null ? "instr(" + column + ", ?) > 0" : column + " GLOB ?";
    }

    public Object sqlParam() {
        return glob == null ? substring : sqlGlob;
    }

    public boolean matchesEverything() {
        return glob == null && substring.isEmpty();
    }

    /** fnmatch.translate: {@code *}, {@code ?}, {@code [seq]} and {@code [!seq]}; everything else is literal. */
    static String translate(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int close = classEnd(glob, i);
                if (close < 0) {
                    regex.append("\\[");
                } else {
                    String body = glob.substring(i, close);
                    i = close + 1;
                    boolean negated = body.startsWith("!");
                    if (negated) {
                        body = body.substring(1);
                    }
                    regex.append('[').append(negated ? "^" : "")
                            .append(body.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "\\&\\&"))
                            .append(']');
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static int classEnd(String glob, int from) {
        int j = from;
        if (j < glob.length() && glob.charAt(j) == '!') {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
        }
        return glob.indexOf(']', j);
    }
}
