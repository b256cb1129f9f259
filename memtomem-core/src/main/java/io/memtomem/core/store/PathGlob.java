package io.memtomem.core.store;

import io.memtomem.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * An fnmatch-style glob ({@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}; everything else literal, {@code *}
 * crossing directory separators as in Python's fnmatch), matched without regular expressions.
 *
 * <p>A glob compiled to a regex backtracks: {@code *?*?*?*?*?*?*?*?Z} took 22 s on one path. Here every token but
 * {@code *} consumes exactly one code point, so a mismatch only ever resumes after the most recent {@code *}
 * (an earlier star can never help: the later one already absorbs anything it could), which bounds a match by
 * path length × pattern length with no exponential case, and by path length for the usual few-star patterns.
 * A reversed range such as {@code [z-a]} is a bad argument, not a class that silently matches nothing.
 */
final class PathGlob {
    /**
     * Longer than any real path pattern, short enough that path × pattern stays small for every source: the worst
     * case ({@code *} then 255 literals, against a 4,096-character path) is about a million steps (15 ms measured);
     * against a 110-character path it is 0.01 ms.
     */
    static final int MAX_LENGTH = 256;

    private static final int STAR = -1;
    private static final int ANY = -2;
    private static final int CLASS = -3;

    /** Per token: a code point to match literally, or STAR, ANY or CLASS (see {@link #classes}). */
    private final int[] tokens;
    /** The class of each CLASS token (null elsewhere). */
    private final CharClass[] classes;

    private PathGlob(int[] tokens, CharClass[] classes) {
        this.tokens = tokens;
        this.classes = classes;
    }

    /** Whether the text holds a glob character, i.e. whether it is a glob rather than a plain substring. */
    static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    /**
     * @param parameter the argument the pattern came from, named in the error
     * @throws InvalidInputException for a pattern longer than {@value #MAX_LENGTH} characters or a reversed range
     */
    static PathGlob compile(String pattern, String parameter) {
        if (pattern.length() > MAX_LENGTH) {
            throw new InvalidInputException(parameter, parameter + " is " + pattern.length() + " characters long; "
                    + "a glob may have at most " + MAX_LENGTH);
        }
        int[] points = pattern.codePoints().toArray();
        List<Integer> tokens = new ArrayList<>();
        List<CharClass> classes = new ArrayList<>();
        int i = 0;
        while (i < points.length) {
            int c = points[i++];
            if (c == '*') {
                if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != STAR) {
                    tokens.add(STAR);
                    classes.add(null);
                }
            } else if (c == '?') {
                tokens.add(ANY);
                classes.add(null);
            } else if (c == '[' && classEnd(points, i) >= 0) {
                int close = classEnd(points, i);
                tokens.add(CLASS);
                classes.add(CharClass.parse(points, i, close, pattern, parameter));
                i = close + 1;
            } else {
                tokens.add(c);
                classes.add(null);
            }
        }
        return new PathGlob(tokens.stream().mapToInt(Integer::intValue).toArray(), classes.toArray(CharClass[]::new));
    }

    boolean matches(String path) {
        int[] text = path.codePoints().toArray();
        int t = 0;
        int p = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (t < text.length) {
            if (p < tokens.length && tokens[p] == STAR) {
                starAt = p++;
                resumeAt = t;
            } else if (p < tokens.length && accepts(p, text[t])) {
                p++;
                t++;
            } else if (starAt >= 0) {
                p = starAt + 1; // the star takes one more code point and the rest is tried again
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == STAR) {
            p++;
        }
        return p == tokens.length;
    }

    private boolean accepts(int token, int codePoint) {
        return switch (tokens[token]) {
            case ANY -> true;
            case CLASS -> classes[token].contains(codePoint);
            default -> tokens[token] == codePoint;
        };
    }

    /** Python's rule: an optional {@code !}, then a {@code ]} right there is a member; -1 means "no class". */
    private static int classEnd(int[] points, int from) {
        int j = from;
        if (j < points.length && points[j] == '!') {
            j++;
        }
        if (j < points.length && points[j] == ']') {
            j++;
        }
        while (j < points.length && points[j] != ']') {
            j++;
        }
        return j < points.length ? j : -1;
    }

    /** The members of one {@code [...]}: single code points and inclusive ranges. */
    private record CharClass(boolean negated, int[] lows, int[] highs) {

        static CharClass parse(int[] points, int from, int close, String pattern, String parameter) {
            int i = from;
            boolean negated = points[i] == '!';
            if (negated) {
                i++;
            }
            List<int[]> ranges = new ArrayList<>();
            while (i < close) {
                int low = points[i];
                // a-z is a range; a '-' first or last in the class is itself a member
                if (i + 2 < close && points[i + 1] == '-') {
                    int high = points[i + 2];
                    if (high < low) {
                        throw new InvalidInputException(parameter, parameter + " '" + pattern + "' has the reversed "
                                + "range " + new String(points, i, 3) + " in a [...] class: write it low to high ("
                                + new String(new int[] {high, '-', low}, 0, 3) + ")");
                    }
                    ranges.add(new int[] {low, high});
                    i += 3;
                } else {
                    ranges.add(new int[] {low, low});
                    i++;
                }
            }
            return new CharClass(negated, ranges.stream().mapToInt(range -> range[0]).toArray(),
                    ranges.stream().mapToInt(range -> range[1]).toArray());
        }

        boolean contains(int codePoint) {
            for (int r = 0; r < lows.length; r++) {
                if (codePoint >= lows[r] && codePoint <= highs[r]) {
                    return !negated;
                }
            }
            return negated;
        }
    }
}
