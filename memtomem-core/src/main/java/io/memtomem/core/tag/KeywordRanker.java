package io.memtomem.core.tag;

import java.util.Comparator;
import java.util.List;

/**
 * Picks a chunk's keyword tags without any model: each candidate word scores {@code tf × idf}, where tf is
 * {@code 1 + ln(count)} (sublinear, so a word repeated in boilerplate does not drown the topic words) and idf is
 * {@code ln((1 + N) / (1 + df)) + 1} over the store's N chunks, of which df hold it. The best {@code max} win,
 * earlier words first on a tie.
 *
 * <p>Not candidates: stop-words, words shorter than 3 characters (2 for Hangul, kana and CJK, whose words are
 * short), longer than 32 (hashes, base64), without letters, with at least as many digits as letters ({@code 2024},
 * {@code a1b2}), and, once a store has {@value #MIN_CHUNKS_FOR_COMMON_CUTOFF} chunks, words in more than half of them
 * (too common to tell chunks apart).
 */
final class KeywordRanker {
    static final int MIN_CHUNKS_FOR_COMMON_CUTOFF = 10;
    private static final int MIN_LENGTH = 3;
    private static final int MIN_LENGTH_DENSE_SCRIPT = 2;
    private static final int MAX_LENGTH = 32;
    /** Hangul Jamo, the first block of the dense scripts: letters before it need no script lookup. */
    private static final int DENSE_SCRIPTS_START = 0x1100;

    private KeywordRanker() {
    }

    private record Scored(ChunkWord word, double score) {
    }

    static List<String> keywords(List<ChunkWord> words, DocumentFrequencies frequencies, int max) {
        long total = Math.max(1, frequencies.total());
        return words.stream().filter(word -> isCandidate(word.tag()))
                .map(word -> new Scored(word, (1 + Math.log(word.count())) * idf(frequencies.of(word.term()), total)))
                .filter(scored -> !Double.isNaN(scored.score()))
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparingInt(scored -> scored.word().firstPosition()))
                .limit(max)
                .map(scored -> scored.word().tag())
                .toList();
    }

    /** Smoothed idf; NaN for a word too common to be a keyword. A word the index does not know counts as df 1. */
    private static double idf(long documentFrequency, long total) {
        long df = Math.max(1, documentFrequency);
        if (total >= MIN_CHUNKS_FOR_COMMON_CUTOFF && df * 2 > total) {
            return Double.NaN;
        }
        return Math.log((1.0 + total) / (1.0 + df)) + 1;
    }

    static boolean isCandidate(String word) {
        int length = 0;
        int letters = 0;
        int digits = 0;
        boolean dense = false;
        for (int i = 0; i < word.length(); i += Character.charCount(word.codePointAt(i))) {
            int codePoint = word.codePointAt(i);
            length++;
            if (Character.isLetter(codePoint)) {
                letters++;
                dense |= codePoint >= DENSE_SCRIPTS_START && isDenseScript(codePoint);
            } else if (Character.isDigit(codePoint)) {
                digits++;
            }
        }
        int minLength = dense ? MIN_LENGTH_DENSE_SCRIPT : MIN_LENGTH;
        return length >= minLength && length <= MAX_LENGTH && letters > digits && !StopWords.contains(word);
    }

    /** Scripts whose words are one or two characters long, where a 3-character minimum would drop most words. */
    private static boolean isDenseScript(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }
}
