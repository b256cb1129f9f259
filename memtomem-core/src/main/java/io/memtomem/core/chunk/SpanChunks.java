package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;

/** Builds untagged chunks from source spans, with their line numbers. */
final class SpanChunks {

    private SpanChunks() {
    }

    static List<Chunk> of(SourceText source, List<Span> spans, List<String> hierarchy, String type) {
        List<Chunk> chunks = new ArrayList<>(spans.size());
        for (Span span : spans) {
            chunks.add(new Chunk(source.slice(span), hierarchy, type, source.lineOf(span.start()),
                    source.lineOf(span.end() - 1), List.of()));
        }
        return chunks;
    }
}
