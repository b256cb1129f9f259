package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;

/** Heading- and fence-aware markdown chunking, byte-compatible with the reference's {@code chunking/markdown.py}. */
final class MarkdownChunker implements FileChunker {

    static final String TYPE = "markdown_section";

    private final int maxTokens;
    private final OversizeSplitter oversizeSplitter;

    MarkdownChunker(ChunkingSettings settings) {
        this.maxTokens = settings.maxChunkTokens();
        this.oversizeSplitter = new OversizeSplitter(settings);
    }

    @Override
    public List<Chunk> chunk(String stem, String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> fileTags = TagValues.union(Frontmatter.tags(text), List.of());
        SourceText source = new SourceText(Wikilinks.rewrite(text));
        List<Chunk> chunks = new ArrayList<>();
        for (SectionSplitter.Section section : SectionSplitter.split(source)) {
            addSection(source, section, fileTags, chunks);
        }
        return chunks;
    }

    private void addSection(SourceText source, SectionSplitter.Section section, List<String> fileTags,
                            List<Chunk> out) {
        Span body = source.strip(section.body().start(), section.body().end());
        if (body.length() == 0) {
            return;
        }
        List<String> tags = fileTags;
        BlockquoteHeader.Promotion promotion = BlockquoteHeader.promote(source, body);
        if (promotion != null) {
            body = promotion.rest();
            tags = TagValues.union(fileTags, promotion.tags());
            if (body.length() == 0) {
                return;
            }
        }
        // The first piece reports the heading line so that an editor can find the entry's heading.
        int sectionStart = section.headingLine() > 0 ? section.headingLine() : source.lineOf(body.start());
        // The last piece ends where the section does, blank lines before the next heading included (the
        // reference's end_line), so both tools store the same span for the same entry.
        int sectionEnd = source.lineOf(section.body().end() - 1);
        List<Span> pieces = source.quarterTokens(body) <= maxTokens ? List.of(body) : oversizeSplitter.split(source, body);
        for (int i = 0; i < pieces.size(); i++) {
            Span piece = pieces.get(i);
            int startLine = i == 0 ? sectionStart : source.lineOf(piece.start());
            int endLine = i == pieces.size() - 1 ? sectionEnd : source.lineOf(piece.end() - 1);
            out.add(new Chunk(source.slice(piece), section.hierarchy(), TYPE, startLine, endLine, tags));
        }
    }
}
