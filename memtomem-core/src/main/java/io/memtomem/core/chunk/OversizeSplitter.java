package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a markdown section that is over {@code max_chunk_tokens} into pieces and packs them back greedily up to
 * {@code max × 4} characters: paragraphs (for very large sections), {@code **Label**} parts, sentences, newlines,
 * hard cuts. Fences and pipe tables are never cut, even when they alone are over the limit. Pieces are spans of
 * the source, so a packed chunk is the original text between its first and last piece.
 */
final class OversizeSplitter {

    private final int maxChars;
    private final int paragraphSplitThreshold;

    OversizeSplitter(ChunkingSettings settings) {
        this.maxChars = settings.maxChunkTokens() * 4;
        this.paragraphSplitThreshold = settings.paragraphSplitThreshold();
    }

    List<Span> split(SourceText source, Span section) {
        ProseCutter cutter = new ProseCutter(source, maxChars);
        List<Span> parts = source.quarterTokens(section) >= paragraphSplitThreshold
                ? MarkdownBlocks.paragraphs(source, section)
                : List.of(section);
        if (parts.size() == 1 && !cutter.fits(parts.get(0))) {
            parts = MarkdownBlocks.labelParts(source, parts.get(0));
        }
        List<Span> pieces = new ArrayList<>();
        for (Span part : parts) {
            if (cutter.fits(part)) {
                pieces.add(part);
                continue;
            }
            for (MarkdownBlocks.Region region : MarkdownBlocks.regions(source, part)) {
                if (region.atomic()) {
                    pieces.add(region.span());
                } else {
                    cutter.cut(region.span(), pieces);
                }
            }
        }
        return pack(pieces, cutter);
    }

    private static List<Span> pack(List<Span> pieces, ProseCutter cutter) {
        List<Span> packed = new ArrayList<>();
        Span current = null;
        for (Span piece : pieces) {
            if (current != null && cutter.fits(new Span(current.start(), piece.end()))) {
                current = new Span(current.start(), piece.end());
            } else {
                if (current != null) {
                    packed.add(current);
                }
                current = piece;
            }
        }
        if (current != null) {
            packed.add(current);
        }
        return packed;
    }
}
