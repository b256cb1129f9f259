package io.memtomem.onnx;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.memtomem.core.embed.provider.EmbeddingException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The local models this module ships inside its jars, so nothing is downloaded at run time. The quantized
 * all-MiniLM-L6-v2 was chosen by measurement on the shared eval set (corpus_v2 quality-gate cases, file-level
 * relevance): it matched the full-precision model's quality there at a fifth of the jar size and 1.5× the speed.
 */
enum OnnxModel {

    ALL_MINILM_L6_V2_Q("all-MiniLM-L6-v2-q", 384, "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            PoolingMode.MEAN),
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", 384, "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            PoolingMode.CLS, "bge-small-en-v1.5", "BAAI/bge-small-en-v1.5");

    static final OnnxModel DEFAULT = ALL_MINILM_L6_V2_Q;

    private final String canonicalName;
    private final int dimension;
    private final String modelResource;
    private final String tokenizerResource;
    private final PoolingMode pooling;
    /** Other names for the same model, e.g. the Python memtomem's english preset's, so its config.json works here. */
    private final List<String> aliases;

    OnnxModel(String canonicalName, int dimension, String modelResource, String tokenizerResource,
              PoolingMode pooling, String... aliases) {
        this.canonicalName = canonicalName;
        this.dimension = dimension;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.pooling = pooling;
        this.aliases = List.of(aliases);
    }

    String canonicalName() {
        return canonicalName;
    }

    int dimension() {
        return dimension;
    }

    /** Class-path resource of the ONNX graph, at the root of the model's jar. */
    String modelResource() {
        return modelResource;
    }

    String tokenizerResource() {
        return tokenizerResource;
    }

    PoolingMode pooling() {
        return pooling;
    }

    /** A blank name picks the default; matching ignores case. */
    static OnnxModel named(String name) {
        if (name.isBlank()) {
            return DEFAULT;
        }
        for (OnnxModel model : values()) {
            if (model.canonicalName.equalsIgnoreCase(name)
                    || model.aliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(name))) {
                return model;
            }
        }
        throw new EmbeddingException("onnx", name, "unknown local model; embedding.model must be one of "
                + Arrays.stream(values()).map(OnnxModel::canonicalName).collect(Collectors.joining(", ")));
    }
}
