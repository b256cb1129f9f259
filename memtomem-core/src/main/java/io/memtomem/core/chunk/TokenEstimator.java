package io.memtomem.core.chunk;

/**
 * Token estimate used by the short-chunk merge: 4 characters per token, or 2 when more than 30% of the
 * characters are Hangul, whose syllables carry more meaning per character.
 */
final class TokenEstimator {

    private TokenEstimator() {
    }

    static int estimate(String text) {
        int chars = 0;
        int hangul = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            chars++;
            if (isHangul(cp)) {
                hangul++;
            }
            i += Character.charCount(cp);
        }
        int charsPerToken = hangul * 10 > chars * 3 ? 2 : 4;
        return chars / charsPerToken;
    }

    private static boolean isHangul(int cp) {
        return (cp >= 0xAC00 && cp <= 0xD7A3)    // syllables
                || (cp >= 0x1100 && cp <= 0x11FF) // jamo
                || (cp >= 0x3130 && cp <= 0x318F); // compatibility jamo
    }
}
