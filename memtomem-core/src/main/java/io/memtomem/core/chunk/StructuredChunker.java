package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON, YAML and TOML in the reference's "original mode": one chunk per top-level key, cut from the source lines
 * so the chunk shows the file as written. Hierarchy is {@code (file stem, key)}; a section over the maximum is
 * split into line windows at 3 characters per token (markup is token-dense). A document that does not parse,
 * or whose top level is not a mapping, becomes whole-file chunks.
 */
final class StructuredChunker implements FileChunker {

    static final String TYPE = "structured_section";

    private final TopLevelKeys keys;
    private final int maxTokens;
    private final WholeFileChunker fallback;

    StructuredChunker(TopLevelKeys keys, ChunkingSettings settings) {
        this.keys = keys;
        this.maxTokens = settings.maxChunkTokens();
        this.fallback = new WholeFileChunker(settings);
    }

    @Override
    public List<Chunk> chunk(String stem, String text) {
        SourceText source = new SourceText(text);
        List<TopLevelKeys.KeySection> sections = keys.locate(source);
        if (sections == null || sections.isEmpty()) {
            return fallback.chunk(stem, text);
        }
        int maxChars = maxTokens * 3;
        List<Chunk> chunks = new ArrayList<>();
        for (TopLevelKeys.KeySection section : sections) {
            Span body = source.strip(section.source().start(), section.source().end());
            if (body.length() == 0) {
                continue;
            }
            List<Span> pieces = PyText.length(text, body.start(), body.end()) <= maxChars
                    ? List.of(body)
                    : LineWindows.split(source, body, maxChars);
            chunks.addAll(SpanChunks.of(source, pieces, List.of(stem, section.key()), TYPE));
        }
        return chunks;
    }
}
