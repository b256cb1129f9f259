package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference's {@code _merge_short_chunks}: small chunks make poor search hits, so neighbours are joined in
 * three passes. Pass 1 merges chunks under the minimum forward; pass 2 packs chunks under the target with kin;
 * pass 3 folds a short last chunk into its predecessor when they fit, or when the predecessor is already over the
 * maximum.
 */
final class ShortChunkMerger {

    private final int minTokens;
    private final int maxTokens;
    private final int targetTokens;

    ShortChunkMerger(ChunkingSettings settings) {
        this.minTokens = settings.minChunkTokens();
        this.maxTokens = settings.maxChunkTokens();
        this.targetTokens = settings.targetChunkTokens();
    }

    List<Chunk> merge(List<Chunk> chunks) {
        if (chunks.size() < 2) {
            return chunks;
        }
        List<Estimated> result = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            result.add(new Estimated(chunk));
        }
        result = forwardPass(result, minTokens, true);
        if (targetTokens > minTokens) {
            result = forwardPass(result, targetTokens, false);
        }
        mergeShortTail(result);
        List<Chunk> merged = new ArrayList<>(result.size());
        for (Estimated e : result) {
            merged.add(e.chunk);
        }
        return merged;
    }

    /**
     * While the current chunk is under {@code threshold}, absorbs the next one if the rules allow it and the two
     * {@link #fits fit}. In the minimum pass the cap is waived when the next chunk alone is over it.
     */
    private List<Estimated> forwardPass(List<Estimated> chunks, int threshold, boolean minimumPass) {
        List<Estimated> out = new ArrayList<>(chunks.size());
        int i = 0;
        while (i < chunks.size()) {
            Estimated current = chunks.get(i++);
            while (current.tokens < threshold && i < chunks.size()) {
                Estimated next = chunks.get(i);
                if (!MergeRules.canMerge(current.hierarchy(), next.hierarchy(), current.tokens < minTokens)) {
                    break;
                }
                boolean capWaived = minimumPass && next.tokens > maxTokens;
                if (!fits(current, next) && !capWaived) {
                    break;
                }
                current = new Estimated(join(current.chunk, next.chunk));
                i++;
            }
            out.add(current);
        }
        return out;
    }

    private void mergeShortTail(List<Estimated> chunks) {
        int n = chunks.size();
        if (n < 2 || chunks.get(n - 1).tokens >= minTokens) {
            return;
        }
        Estimated previous = chunks.get(n - 2);
        Estimated last = chunks.get(n - 1);
        if (MergeRules.canMerge(previous.hierarchy(), last.hierarchy(), true)
                && (fits(previous, last) || previous.tokens > maxTokens)) {
            chunks.remove(n - 1);
            chunks.set(n - 2, new Estimated(join(previous.chunk, last.chunk)));
        }
    }

    /**
     * The reference's size test: the two estimates add up to less than the maximum. It is not the estimate of the
     * joined text (that also counts the separator and written-back headings), and it is strict.
     */
    private boolean fits(Estimated current, Estimated next) {
        return current.tokens + next.tokens < maxTokens;
    }

    /**
     * Joins two chunks under their common breadcrumb. A leaf heading that is no longer in the breadcrumb is
     * written back as a heading line, so the merged text still shows where each part came from.
     */
    static Chunk join(Chunk a, Chunk b) {
        List<String> hierarchy = MergeRules.mergedHierarchy(a.hierarchy(), b.hierarchy());
        StringBuilder content = new StringBuilder(a.content().length() + b.content().length() + 64);
        appendWithLeaf(content, a, hierarchy);
        content.append("\n\n");
        appendWithLeaf(content, b, hierarchy);
        return new Chunk(content.toString(), hierarchy, a.chunkType(), a.startLine(), b.endLine(),
                TagValues.union(a.tags(), b.tags()));
    }

    private static void appendWithLeaf(StringBuilder content, Chunk chunk, List<String> mergedHierarchy) {
        List<String> own = chunk.hierarchy();
        if (own.size() > mergedHierarchy.size()) {
            content.append(own.get(own.size() - 1)).append("\n\n");
        }
        content.append(chunk.content());
    }

    /** A chunk with its token estimate, computed once. */
    private static final class Estimated {
        final Chunk chunk;
        final int tokens;

        Estimated(Chunk chunk) {
            this.chunk = chunk;
            this.tokens = TokenEstimator.estimate(chunk.content());
        }

        List<String> hierarchy() {
            return chunk.hierarchy();
        }
    }
}
