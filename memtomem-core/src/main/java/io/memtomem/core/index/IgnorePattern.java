package io.memtomem.core.index;

import java.util.regex.Pattern;

/**
 * One gitignore-style pattern, matched case-insensitively against a {@code /}-separated path: a pattern without an
 * inner slash matches at any depth, {@code **} spans directories, a trailing {@code /} means "this directory and
 * everything under it", and a leading {@code !} re-includes.
 */
record IgnorePattern(Pattern regex, boolean negated) {

    static IgnorePattern parse(String raw) {
        String pattern = raw.strip();
        boolean negated = pattern.startsWith("!");
        if (negated) {
            pattern = pattern.substring(1);
        }
        boolean directory = pattern.endsWith("/");
        while (pattern.endsWith("/") && pattern.length() > 1) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        boolean anchored = pattern.startsWith("/") || pattern.contains("/");
        if (pattern.startsWith("/")) {
            pattern = pattern.substring(1);
        }
        String body = translate(pattern);
        String prefix = anchored || body.startsWith("(?:.*/)?") ? "" : "(?:.*/)?";
        // a matching directory excludes everything below it; a plain pattern may also name a directory
        String suffix = directory ? "/.*" : "(?:/.*)?";
        return new IgnorePattern(Pattern.compile(prefix + body + suffix,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL), negated);
    }

    boolean matches(String slashPath) {
        return regex.matcher(slashPath).matches();
    }

    static boolean isComment(String raw) {
        String pattern = raw.strip();
        return pattern.isEmpty() || pattern.startsWith("#");
    }

    private static String translate(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("/**", i) && i + 3 == glob.length()) {
                regex.append("/.*");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int close = glob.indexOf(']', i + 2);
                String body = glob.substring(i + 1, close);
                regex.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                i = close + 1;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }
}
