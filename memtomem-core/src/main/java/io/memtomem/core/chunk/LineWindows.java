package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;

/** Packs whole lines into windows of at most {@code maxChars}; a single longer line is hard-cut. */
final class LineWindows {

    private LineWindows() {
    }

    static List<Span> split(SourceText source, Span span, int maxChars) {
        ProseCutter cutter = new ProseCutter(source, maxChars);
        List<Span> windows = new ArrayList<>();
        Span window = null;
        int first = source.lineOf(span.start()) - 1;
        int last = source.lineOf(span.end() - 1) - 1;
        for (int line = first; line <= last; line++) {
            Span current = source.strip(Math.max(source.lineStart(line), span.start()),
                    Math.min(source.lineEnd(line), span.end()));
            if (current.length() == 0) {
                continue;
            }
            if (window != null && cutter.fits(new Span(window.start(), current.end()))) {
                window = new Span(window.start(), current.end());
                continue;
            }
            if (window != null) {
                windows.add(window);
                window = null;
            }
            if (cutter.fits(current)) {
                window = current;
            } else {
                cutter.hardCut(current, windows);
            }
        }
        if (window != null) {
            windows.add(window);
        }
        return windows;
    }
}
