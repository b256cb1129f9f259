package io.memtomem.core.chunk;

import java.util.List;

/**
 * Plain text and code files (AST chunking is a later tier): the whole file is one {@code raw_text} chunk,
 * cut into line windows when it is over the maximum.
 */
final class WholeFileChunker implements FileChunker {

    static final String TYPE = "raw_text";

    private final int maxTokens;

    WholeFileChunker(ChunkingSettings settings) {
        this.maxTokens = settings.maxChunkTokens();
    }

    @Override
    public List<Chunk> chunk(String stem, String text) {
        SourceText source = new SourceText(text);
        Span body = source.strip(0, source.length());
        if (body.length() == 0) {
            return List.of();
        }
        List<Span> pieces = source.quarterTokens(body) <= maxTokens
                ? List.of(body)
                : LineWindows.split(source, body, maxTokens * 4);
        return SpanChunks.of(source, pieces, List.of(), TYPE);
    }
}
