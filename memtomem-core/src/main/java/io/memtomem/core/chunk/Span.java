package io.memtomem.core.chunk;

/** A half-open character range {@code [start, end)} of a {@link SourceText}. */
record Span(int start, int end) {

    int length() {
        return end - start;
    }
}
