package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Optional context overlap: each chunk is given the last {@code N × 3} characters of the previous chunk in front
 * and the first {@code N × 3} characters of the next chunk behind (each capped at 5,000), so a passage cut at a
 * chunk border is still findable from both sides.
 */
final class ChunkOverlap {

    private static final int MAX_OVERLAP_CHARS = 5_000;

    private ChunkOverlap() {
    }

    static List<Chunk> apply(List<Chunk> chunks, int overlapTokens) {
        if (overlapTokens <= 0 || chunks.size() < 2) {
            return chunks;
        }
        int chars = Math.min(overlapTokens * 3, MAX_OVERLAP_CHARS);
        List<Chunk> out = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            StringBuilder content = new StringBuilder();
            if (i > 0) {
                content.append(tail(chunks.get(i - 1).content(), chars)).append('\n');
            }
            content.append(chunk.content());
            if (i + 1 < chunks.size()) {
                content.append('\n').append(head(chunks.get(i + 1).content(), chars));
            }
            out.add(new Chunk(content.toString(), chunk.hierarchy(), chunk.chunkType(), chunk.startLine(),
                    chunk.endLine(), chunk.tags()));
        }
        return out;
    }

    /** The last {@code chars} code points, as Python's {@code text[-chars:]}. */
    private static String tail(String text, int chars) {
        int available = text.codePointCount(0, text.length());
        return text.substring(text.offsetByCodePoints(text.length(), -Math.min(chars, available)));
    }

    /** The first {@code chars} code points, as Python's {@code text[:chars]}. */
    private static String head(String text, int chars) {
        int available = text.codePointCount(0, text.length());
        return text.substring(0, text.offsetByCodePoints(0, Math.min(chars, available)));
    }
}
