package io.memtomem.core.config;

import java.util.List;
import java.util.Map;

/** The {@code search} section as this build honours it: result count, candidate pools, fusion, hidden namespaces. */
public record SearchConfig(int defaultTopK, int bm25Candidates, int denseCandidates, int rrfK, boolean enableBm25,
                           boolean enableDense, List<Double> rrfWeights, List<String> systemNamespacePrefixes) {
    public SearchConfig {
        rrfWeights = List.copyOf(rrfWeights);
        systemNamespacePrefixes = List.copyOf(systemNamespacePrefixes);
    }

    /** The fusion weight of the keyword leg ({@code rrf_weights[0]}). */
    public double bm25Weight() {
        return rrfWeights.get(0);
    }

    /** The fusion weight of the vector leg ({@code rrf_weights[1]}). */
    public double denseWeight() {
        return rrfWeights.get(1);
    }

    @SuppressWarnings("unchecked")
    static SearchConfig from(Map<String, Object> values) {
        return new SearchConfig((Integer) values.get("search.default_top_k"),
                (Integer) values.get("search.bm25_candidates"), (Integer) values.get("search.dense_candidates"),
                (Integer) values.get("search.rrf_k"), (Boolean) values.get("search.enable_bm25"),
                (Boolean) values.get("search.enable_dense"), (List<Double>) values.get("search.rrf_weights"),
                (List<String>) values.get("search.system_namespace_prefixes"));
    }
}
