package io.memtomem.core.embed.provider;

import java.util.List;

/** Every provider must hand back exactly one vector of the configured width per input (memory-core §6.1). */
public final class VectorShape {

    private VectorShape() {
    }

    public static List<float[]> require(String provider, String location, int expectedCount, int dimension,
                                 List<float[]> vectors) {
        if (vectors.size() != expectedCount) {
            throw new EmbeddingException(provider, location,
                    "expected " + expectedCount + " vectors but got " + vectors.size());
        }
        for (int i = 0; i < vectors.size(); i++) {
            float[] vector = vectors.get(i);
            if (vector.length != dimension) {
                throw new EmbeddingException(provider, location, "vector " + i + " has dimension " + vector.length
                        + " but embedding.dimension is " + dimension + "; set embedding.dimension to match the model");
            }
        }
        return vectors;
    }
}
