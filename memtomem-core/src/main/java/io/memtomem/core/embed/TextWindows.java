package io.memtomem.core.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts embedded for one chunk. Sentence-embedding models represent a short passage well and a long one poorly:
 * they are trained on a few hundred tokens at most, truncate past their window, and the ONNX wrapper averages the
 * 510-token pieces of a longer text into a vector close to none of them. On long conversational chunks that made
 * the dense leg miss the one turn a question is about. So a chunk longer than one window is embedded as overlapping
 * windows, cut at paragraph, line, sentence or word boundaries and each led by the chunk's heading breadcrumb (it
 * carries the context, such as a session's date), and the dense leg scores the chunk by its best window.
 */
public final class TextWindows {

    /**
     * Characters per window, about 80 tokens of English: well inside the 128-token passages MiniLM was trained on.
     * Chosen with RetrievalBench (all-MiniLM-L6-v2-q): on locomo-dev, dense session recall@5 was .594 for whole
     * chunks and .70 / .77 / .76 / .78 for 1000 / 500 / 350 / 250-character windows, hybrid .71 / .82 / .86 / .87 /
     * .86; 350 was also the best of them on corpus_v2, at about 1.4 times the embedding work of 500. Starting each
     * window on a boundary too then gave .81 dense and .88 hybrid (BM25 alone: .81).
     */
    public static final int MAX_CHARS = 350;
    /** Characters shared by neighbouring windows, so a sentence on a cut is whole in one of them. */
    static final int OVERLAP_CHARS = MAX_CHARS / 5;

    private TextWindows() {
    }

    /**
     * @param breadcrumb the chunk's heading path ({@code "A > B"}), empty when it has none
     * @param content    the chunk's text
     * @return one text when the chunk fits one window (the retrieval text itself), otherwise the windows
     */
    public static List<String> of(String breadcrumb, String content) {
        String lead = breadcrumb.isEmpty() ? "" : breadcrumb + "\n\n";
        if (content.length() <= MAX_CHARS) {
            return List.of(lead + content);
        }
        List<String> windows = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = Math.min(content.length(), start + MAX_CHARS);
            if (end < content.length()) {
                end = cut(content, start + MAX_CHARS / 2, end);
            }
            windows.add(lead + content.substring(start, end).strip());
            if (end >= content.length()) {
                return windows;
            }
            start = resume(content, Math.max(start + 1, end - OVERLAP_CHARS), end);
        }
    }

    private static final String[] BOUNDARIES = {"\n\n", "\n", ". ", " "};

    /** The best boundary in {@code (from, to]}: paragraph, then line, sentence, word; else {@code to}. */
    private static int cut(String text, int from, int to) {
        for (String boundary : BOUNDARIES) {
            int at = text.lastIndexOf(boundary, to - boundary.length());
            if (at > from) {
                return at + boundary.length();
            }
        }
        return to;
    }

    /** Where the next window starts: the first boundary in the overlap {@code [from, end)}, best kind first. */
    private static int resume(String text, int from, int end) {
        for (String boundary : BOUNDARIES) {
            int at = text.indexOf(boundary, from);
            if (at >= 0 && at + boundary.length() < end) {
                return at + boundary.length();
            }
        }
        return from;
    }
}
