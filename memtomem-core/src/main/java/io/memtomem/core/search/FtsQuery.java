package io.memtomem.core.search;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns user text into an FTS5 MATCH expression exactly as the reference does (memory-core.md §5.2): split on
 * whitespace; a token with any non-word character becomes a quoted phrase (inner quotes doubled); any other token
 * becomes a prefix term {@code tok*}. Tokens are ANDed; {@link #or} is the fallback. No user text can produce an FTS5
 * syntax error: punctuation only ever appears inside quotes, and the bare keywords AND/OR/NOT (which FTS5 would parse
 * as operators) are quoted while keeping the prefix star.
 */
final class FtsQuery {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NON_WORD = Pattern.compile("\\W", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");

    private final List<String> terms;

    private FtsQuery(List<String> terms) {
        this.terms = terms;
    }

    static FtsQuery parse(String query) {
        List<String> terms = Arrays.stream(WHITESPACE.split(query.strip()))
                .filter(token -> !token.isEmpty())
                .map(FtsQuery::term)
                .toList();
        return new FtsQuery(terms);
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    String and() {
        return String.join(" ", terms);
    }

    String or() {
        return String.join(" OR ", terms);
    }

    private static String term(String token) {
        if (NON_WORD.matcher(token).find()) {
            return '"' + token.replace("\"", "\"\"") + '"';
        }
        return OPERATORS.contains(token) ? '"' + token + "\"*" : token + "*";
    }
}
