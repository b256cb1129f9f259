package io.memtomem.core.search.hybrid;

import java.util.Locale;

/** Which retrieval leg found a result; {@code FUSED} when both did. */
public enum LegSource {
    BM25, DENSE, FUSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
