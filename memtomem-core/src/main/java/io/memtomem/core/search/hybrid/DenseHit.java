package io.memtomem.core.search.hybrid;

/** A chunk (by SQLite rowid) and its cosine similarity to the query, in [-1, 1]. */
public record DenseHit(long rowid, float cosine) {

    /**
     * The reference's dense score {@code 1/(1+L2)} over unit vectors (memory-core §5.3), so dense-only results keep
     * the same scale as the Python server's.
     */
    public double score() {
        return 1.0 / (1.0 + Math.sqrt(Math.max(0.0, 2.0 - 2.0 * cosine)));
    }
}
