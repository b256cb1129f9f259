package io.memtomem.core.chunk;

import java.util.List;

/**
 * Cuts prose that is still too long: at sentence ends ({@code . ! ?} followed by whitespace), then at newlines,
 * and as a last resort at the last whitespace before the size limit.
 */
final class ProseCutter {

    private final SourceText source;
    private final int maxChars;

    ProseCutter(SourceText source, int maxChars) {
        this.source = source;
        this.maxChars = maxChars;
    }

    /** Appends to {@code out} pieces of {@code span} that each fit {@code maxChars} (code points). */
    void cut(Span span, List<Span> out) {
        if (fits(span)) {
            out.add(span);
            return;
        }
        String text = source.text();
        int pieceStart = span.start();
        for (int i = span.start(); i < span.end() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && PyText.isSpace(text.charAt(i + 1))) {
                cutAtNewlines(source.strip(pieceStart, i + 1), out);
                pieceStart = i + 1;
            }
        }
        cutAtNewlines(source.strip(pieceStart, span.end()), out);
    }

    private void cutAtNewlines(Span sentence, List<Span> out) {
        if (sentence.length() == 0) {
            return;
        }
        if (fits(sentence)) {
            out.add(sentence);
            return;
        }
        String text = source.text();
        int lineStart = sentence.start();
        for (int nl = text.indexOf('\n', lineStart); nl >= 0 && nl < sentence.end(); nl = text.indexOf('\n', nl + 1)) {
            hardCut(source.strip(lineStart, nl), out);
            lineStart = nl + 1;
        }
        hardCut(source.strip(lineStart, sentence.end()), out);
    }

    /** Cuts at the last whitespace before the limit, or mid-word when a single word is over it. */
    void hardCut(Span line, List<Span> out) {
        String text = source.text();
        Span rest = line;
        while (rest.length() > 0 && !fits(rest)) {
            int limit = text.offsetByCodePoints(rest.start(), maxChars);
            int cut = limit;
            while (cut > rest.start() && !PyText.isSpace(text.charAt(cut))) {
                cut--;
            }
            if (cut == rest.start()) {
                cut = limit; // one unbroken word longer than the limit
            }
            out.add(source.strip(rest.start(), cut));
            rest = source.strip(cut, rest.end());
        }
        if (rest.length() > 0) {
            out.add(rest);
        }
    }

    /** Whether the span is at most {@code maxChars} code points, without counting them when the answer is plain. */
    boolean fits(Span span) {
        if (span.length() <= maxChars) {
            return true;
        }
        // A code point takes at most two UTF-16 units.
        return span.length() <= 2L * maxChars && PyText.length(source.text(), span.start(), span.end()) <= maxChars;
    }
}
