package io.memtomem.core.tag;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits text into words the way FTS5's {@code unicode61} tokenizer does, so a word's term can be looked up in the
 * full-text index: runs of letters, numbers and combining marks, lower-cased, with Latin diacritics folded for the
 * lookup ({@code Café} is the term {@code cafe}). Hangul and CJK runs stay whole words, as unicode61 keeps them.
 */
final class ChunkWords {
    private ChunkWords() {
    }

    /** The distinct words of {@code text} in order of first appearance. */
    static List<ChunkWord> of(String text) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        int position = 0;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                String tag = text.substring(start, i).toLowerCase(Locale.ROOT);
                String term = fold(tag);
                int first = position++;
                counts.computeIfAbsent(term, t -> new int[] {0, first})[0]++;
                tags.putIfAbsent(term, tag);
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        List<ChunkWord> words = new ArrayList<>(counts.size());
        counts.forEach((term, count) -> words.add(new ChunkWord(tags.get(term), term, count[0], count[1])));
        return words;
    }

    /** unicode61's token characters: letters, numbers, private use, and the marks that belong to a letter. */
    private static boolean isWordChar(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    /** Drops the combining diacritics (U+0300–U+036F) unicode61 removes; kana voicing marks and jamo are kept. */
    private static String fold(String word) {
        if (word.chars().allMatch(c -> c < 0xC0)) {
            return word; // nothing to decompose: most words of most notes
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.chars().filter(c -> c < 0x300 || c > 0x36F).forEach(c -> folded.append((char) c));
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }
}
